package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.config.AppSecrets;
import com.github.benmanes.caffeine.cache.Cache;
import io.micronaut.cache.SyncCache;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Ed25519 key pair of each event, created on first use. Several instances may race to create it:
 * each inserts its own pair if none exists, then all read back the one that won. The private key is
 * kept encrypted with AES-GCM under a key derived from the application secret, and never leaves
 * this class; the public key is public by design (scanning pages verify badges offline with it).
 */
@Singleton
public class BadgeKeys {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeyRepository keys;
    private final Clock clock;
    private final byte[] wrappingKey;
    /** Each event's key pair (decrypted once) and decoded public key: micronaut.caches.badge-keys. */
    private final Cache<Object, Object> cache;

    @Inject
    BadgeKeys(SigningKeyRepository keys, Clock clock, AppSecrets secrets, @Named("badge-keys") SyncCache<Cache<Object, Object>> cache) {
        this(keys, clock, secrets, cache.getNativeCache());
    }

    /** An instance with its own cache: tests stand for several service instances sharing one database. */
    BadgeKeys(SigningKeyRepository keys, Clock clock, AppSecrets secrets, Cache<Object, Object> cache) {
        this.keys = keys;
        this.clock = clock;
        this.wrappingKey = derive(secrets.signingKey());
        this.cache = cache;
    }

    /** The key pair of an event, created (once, whichever instance wins) if it has none yet. */
    KeyPair keyPair(long eventId) {
        return (KeyPair) cache.get(new PairOf(eventId), key -> {
            BadgeSigningKey row = keys.find(eventId).orElseGet(() -> create(eventId));
            return new KeyPair(publicKey(row.publicKey()), decrypt(row.privateKeyEncrypted()));
        });
    }

    /**
     * The public key used to verify an event's badges, decoded once (the point is decompressed and checked
     * here, not at every scan); empty when the event never issued one.
     */
    Optional<Ed25519.PublicPoint> verifyingKey(long eventId) {
        Object cached = cache.getIfPresent(new VerifyingKeyOf(eventId));
        if (cached != null) {
            return Optional.of((Ed25519.PublicPoint) cached);
        }
        // an event without keys yet is not remembered: its first badge creates them
        Optional<Ed25519.PublicPoint> stored = keys.find(eventId)
                .map(row -> Ed25519.validatePublicKeyFullExport(B64D.decode(row.publicKey()), 0));
        stored.ifPresent(key -> cache.put(new VerifyingKeyOf(eventId), key));
        return stored;
    }

    private record PairOf(long eventId) {
    }

    private record VerifyingKeyOf(long eventId) {
    }

    /** The raw 32-byte public key, base64url, as WebCrypto and noble-ed25519 import it. */
    public String publicKeyBase64(long eventId) {
        return B64.encodeToString(raw(keyPair(eventId).getPublic()));
    }

    private BadgeSigningKey create(long eventId) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            keys.insertIfAbsent(eventId, B64.encodeToString(raw(pair.getPublic())),
                    encrypt(pair.getPrivate().getEncoded()), clock.instant());
            return keys.find(eventId).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK >= 15", e);
        }
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static PublicKey publicKey(String base64) {
        byte[] raw = B64D.decode(base64);
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored badge public key is unreadable", e);
        }
    }

    private String encrypt(byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain);
        byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return B64.encodeToString(out);
    }

    private PrivateKey decrypt(String stored) {
        try {
            byte[] all = B64D.decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"),
                    new GCMParameterSpec(128, all, 0, 12));
            byte[] pkcs8 = cipher.doFinal(all, 12, all.length - 12);
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot decrypt the badge signing key: was rencontres.security.secret changed?", e);
        }
    }

    /** A separate AES key for the key store, so the cookie-signing secret is never used twice as is. */
    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("rencontres badge signing keys v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SigningKeyRepository extends GenericRepository<BadgeSigningKey, Long> {

        @Query("""
                INSERT INTO badge_signing_key (event_id, public_key, private_key_encrypted, created_at)
                VALUES (:eventId, :publicKey, :privateKeyEncrypted, :createdAt) ON CONFLICT DO NOTHING""")
        void insertIfAbsent(Long eventId, String publicKey, String privateKeyEncrypted, java.time.Instant createdAt);

        @Query("SELECT * FROM badge_signing_key WHERE event_id = :eventId")
        Optional<BadgeSigningKey> find(Long eventId);
    }
}
