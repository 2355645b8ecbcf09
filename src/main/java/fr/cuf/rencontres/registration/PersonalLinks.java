package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.config.PublicUrl;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal links {@code /me/{secret}}: 160 random bits, base64url; only the SHA-256 of the secret is
 * stored, so a copy of the database opens no personal page. A plain hash suffices: the secret has far
 * too much entropy to be guessed.
 */
@Singleton
public class PersonalLinks {

    private final SecureRandom random = new SecureRandom();
    private final PublicUrl publicUrl;

    PersonalLinks(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String newSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String url(String secret) {
        return publicUrl.base() + path(secret);
    }

    public static String path(String secret) {
        return "/me/" + secret;
    }
}
