package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.config.AppSecrets;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class BadgeTokensTest {

    @Inject DataSource dataSource;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeTokens tokens;
    @Inject BadgeKeys keys;
    @Inject BadgeKeys.SigningKeyRepository keyRows;
    @Inject AppSecrets secrets;
    @Inject Clock clock;
    @Inject @Named(BadgeTokens.CODES) SyncCache<Cache<Object, Object>> verifiedCodes;

    BadgeFixtures.Conference conference;
    Registration maire;
    String code;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        conference = fixtures.conference();
        maire = fixtures.register(conference.event(), "François", "Rebsamen", "Maire de Dijon", conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        code = tokens.issue(maire.id(), conference.event().id(), 1);
    }

    @Test
    void issued_code_verifies_to_its_registration_event_and_version() {
        assertTrue(code.startsWith("B1." + maire.id() + "." + conference.event().id() + ".1."), code);
        assertTrue(code.length() < 130, "compact enough for a small QR code: " + code.length());
        assertEquals(Optional.of(new BadgeToken(maire.id(), conference.event().id(), 1)), tokens.verify(code));
    }

    @Test
    void altered_codes_are_refused() {
        String[] parts = code.split("\\.");
        String otherRegistration = String.join(".", parts[0], String.valueOf(maire.id() + 1), parts[2], parts[3], parts[4]);
        String otherVersion = String.join(".", parts[0], parts[1], parts[2], "2", parts[4]);
        char last = code.charAt(code.length() - 1);
        String flippedLastChar = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        char middle = code.charAt(code.length() - 40);
        String flippedSignature = code.substring(0, code.length() - 40) + (middle == 'x' ? 'y' : 'x')
                + code.substring(code.length() - 39);
        for (String altered : List.of(otherRegistration, otherVersion, flippedLastChar, flippedSignature,
                code.toLowerCase(), " " + code + "x", code.replace("B1.", "B2."),
                code.replace("." + maire.id() + ".", ".0" + maire.id() + "."))) {
            assertNotEquals(code, altered);
            assertEquals(Optional.empty(), tokens.verify(altered), altered);
        }
    }

    @Test
    void truncated_codes_are_refused() {
        for (int length : new int[] {0, 1, 10, code.length() / 2, code.length() - 1}) {
            assertEquals(Optional.empty(), tokens.verify(code.substring(0, length)), "length " + length);
        }
        assertEquals(Optional.empty(), tokens.verify(null));
    }

    @Test
    void code_signed_with_another_key_is_refused() throws Exception {
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String payload = "B1." + maire.id() + "." + conference.event().id() + ".1";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.US_ASCII));
        String forged = payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        assertEquals(code.length(), forged.length(), "same shape as a real code");
        assertEquals(Optional.empty(), tokens.verify(forged));
    }

    @Test
    void genuine_codes_are_remembered_forgeries_never_and_at_most_100000_of_them() {
        String[] parts = code.split("\\.");
        String altered = String.join(".", parts[0], String.valueOf(maire.id() + 1), parts[2], parts[3], parts[4]);
        assertEquals(Optional.empty(), tokens.verify(altered));
        assertTrue(tokens.verify(code).isPresent());
        assertEquals(null, verifiedCodes.getNativeCache().getIfPresent(altered));
        assertEquals(new BadgeToken(maire.id(), conference.event().id(), 1),
                verifiedCodes.getNativeCache().getIfPresent(code));
        assertEquals(100_000, verifiedCodes.getNativeCache().policy().eviction().orElseThrow().getMaximum());
    }

    @Test
    void code_of_an_event_that_never_issued_keys_is_refused() {
        String[] parts = code.split("\\.");
        String otherEvent = String.join(".", parts[0], parts[1], String.valueOf(conference.event().id() + 1000),
                parts[3], parts[4]);
        assertEquals(Optional.empty(), tokens.verify(otherEvent));
    }

    @Test
    void private_key_is_stored_encrypted_and_public_key_is_raw_32_bytes() throws Exception {
        BadgeSigningKey row = keyRows.find(conference.event().id()).orElseThrow();
        assertEquals(32, Base64.getUrlDecoder().decode(keys.publicKeyBase64(conference.event().id())).length);
        assertEquals(row.publicKey(), keys.publicKeyBase64(conference.event().id()));
        String pkcs8 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(keys.keyPair(conference.event().id()).getPrivate().getEncoded());
        assertFalse(row.privateKeyEncrypted().contains(pkcs8.substring(20, 40)), "private key in clear");
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM badge_signing_key")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    /** Several instances starting at once must agree on one key pair: insert if absent, then read back. */
    @Test
    void instances_racing_to_create_an_event_key_agree_on_one() throws Exception {
        long eventId = fixtures.conferenceWithSlug("rencontres-2027").id();
        int instances = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            List<Callable<String>> calls = java.util.stream.IntStream.range(0, instances)
                    .<Callable<String>>mapToObj(i -> () -> {
                        BadgeKeys instance = new BadgeKeys(keyRows, clock, secrets, Caffeine.newBuilder().build());
                        start.await();
                        return instance.publicKeyBase64(eventId);
                    }).toList();
            List<Future<String>> results = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> result : results) {
                seen.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, seen.size(), "every instance uses the stored key");
        assertEquals(seen.iterator().next(), keyRows.find(eventId).orElseThrow().publicKey());
        BadgeKeys another = new BadgeKeys(keyRows, clock, secrets, Caffeine.newBuilder().build());
        BadgeTokens elsewhere = new BadgeTokens(another, Caffeine.newBuilder().build());
        assertTrue(elsewhere.verify(tokens.issue(maire.id(), eventId, 1)).isPresent(),
                "a code signed by one instance verifies on another");
    }
}
