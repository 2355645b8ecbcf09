package fr.cuf.rencontres.mail;

import fr.cuf.rencontres.config.AppSecrets;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals the personal secret an outbox row carries until its mail leaves (AES-GCM, JDK only): a copy of the
 * database, a backup or a support query on {@code mail_outbox} opens no personal page. The key is derived
 * from the application secret (HMAC with a label of its own), so every instance opens what another sealed.
 * Sealed values start with {@code g1.}; a value without it is a row queued before sealing existed and is
 * read as is.
 */
@Singleton
public class OutboxSeal {

    private static final String PREFIX = "g1.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    OutboxSeal(AppSecrets secrets) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.signingKey(), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("mail-outbox-link".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Nullable
    public String seal(@Nullable String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Nullable
    public String open(@Nullable String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open a sealed outbox link: was rencontres.security.secret changed?", e);
        }
    }
}
