package fr.cuf.rencontres.staff;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * RFC 6238 one-time codes as every authenticator app makes them by default: HMAC-SHA1, 30-second steps, 6 digits
 * (java-otp computes them). The secret travels as Base32 (the {@code otpauth://} URI and the text shown beside the
 * QR code). A typed code is compared with the codes of the current step and of one step either side, so a phone
 * clock up to 30 s off, or a code typed as it changes, still passes.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int SKEW_STEPS = 1;
    static final String ISSUER = "Rencontres CUF";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** 160 random bits (RFC 4226's recommended length), Base32 without padding. */
    static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeAsString(bytes).replace("=", "");
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of a time step. */
    static String code(String secret, long step) {
        try {
            // a generator per call: cheap, and no question of sharing its Mac between threads
            return new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1)
                    .generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of 20 bytes is always valid", e);
        }
    }

    /** The step whose code was typed, within one step of now; empty when none matches. */
    static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String digits = normalised(typed);
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
            // every candidate compared, in constant time: the answer's timing does not tell which step matched
            if (MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
                found = OptionalLong.of(s);
            }
        }
        return found;
    }

    /** What was typed without the spaces and dashes people add ("123 456"). */
    static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    /** The enrolment URI that authenticator apps read from the QR code (Google's "Key Uri Format"). */
    static String uri(String username, String secret) {
        String label = encode(ISSUER) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    /** The secret in groups of four, as typed by hand into an app. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
