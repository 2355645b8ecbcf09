package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency-Key of registration requests. The row is keyed by the SHA-256 of the client's key and
 * holds the registration and its personal secret sealed (AES-GCM) with a key derived from the client's
 * key AND the fingerprint of the request that created it: a retry of the same request gets the first
 * answer back, personal link included; the same key sent with another body (another person, another
 * event) cannot open the seal and is refused ({@code idempotency_key_reused}), so a guessed or shared key
 * never hands out somebody else's link. The database alone reveals neither the key nor the secret.
 * Read and written under the event lock, so concurrent retries see it.
 */
@Singleton
class IdempotencyKeys {

    private final IdempotencyKeyRepository keys;
    private final SecureRandom random = new SecureRandom();

    IdempotencyKeys(IdempotencyKeyRepository keys) {
        this.keys = keys;
    }

    /** The row key of a client's key (what {@link RegistrationDetailRepository#priorOf} looks up). */
    static String keyHash(String clientKey) {
        return PersonalLinks.hash("idem:" + clientKey);
    }

    /**
     * What identifies a request for its key: the event and every value of the request (a record whose
     * components are strings, numbers, enums, lists and records, so its text is stable and complete).
     */
    static String fingerprint(long eventId, RegistrationRequest request) {
        // case-blind: a retry that only writes the e-mail (or a name) in other capitals is the same request
        return hex(PersonalLinks.sha256(eventId + "\n" + request.toString().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The personal secret sealed in a remembered row, if {@code fingerprint} is the request that sealed it. */
    Optional<String> opened(String clientKey, String fingerprint, String sealedSecret) {
        return open(clientKey + "\n" + fingerprint, sealedSecret);
    }

    /** The row a new registration's writes remember {@code clientKey} with ({@link RegistrationWrites}). */
    RegistrationWrites.Key rowFor(String clientKey, String fingerprint, String secret) {
        return new RegistrationWrites.Key(keyHash(clientKey), seal(clientKey + "\n" + fingerprint, secret));
    }

    void purgeBefore(Instant before) {
        keys.purge(before);
    }

    private SecretKeySpec key(String clientKey) {
        return new SecretKeySpec(PersonalLinks.sha256("seal:" + clientKey), "AES");
    }

    private String seal(String clientKey, String secret) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(clientKey), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private Optional<String> open(String clientKey, String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(clientKey), new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface IdempotencyKeyRepository extends GenericRepository<IdempotencyRow, String> {

        @Query("""
                INSERT INTO idempotency_key (key_hash, registration_id, sealed_secret, created_at)
                VALUES (:keyHash, :registrationId, :sealedSecret, :createdAt)""")
        void insert(String keyHash, long registrationId, String sealedSecret, Instant createdAt);

        @Query("DELETE FROM idempotency_key WHERE created_at < :before")
        void purge(Instant before);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
