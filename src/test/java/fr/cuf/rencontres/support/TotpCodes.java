package fr.cuf.rencontres.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What an authenticator app shows for a Base32 secret (as read on the enrolment page) at an instant. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String at(String shownSecret, Instant at) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1").generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(shownSecret.replace(" ", "")), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
