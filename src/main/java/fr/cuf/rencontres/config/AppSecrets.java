package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The signing secret of staff sessions and CSRF tokens. Taken from {@code rencontres.security.secret}
 * when set; otherwise one secret is created in the database on first start and read by every
 * instance, so that any instance accepts what another signed.
 */
@Singleton
public class AppSecrets {

    private static final String SIGNING = "signing";

    private final byte[] signingKey;

    AppSecrets(RencontresConfiguration configuration, Secrets secrets, Clock clock) {
        String configured = configuration.getSecurity().getSecret();
        String secret = configured != null && !configured.isBlank() ? configured : stored(secrets, clock);
        this.signingKey = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String stored(Secrets secrets, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        secrets.insertIfAbsent(SIGNING, Base64.getEncoder().encodeToString(random), clock.instant());
        return secrets.find(SIGNING).orElseThrow();
    }

    public byte[] signingKey() {
        return signingKey.clone();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Secrets extends GenericRepository<AppSecretRow, String> {

        @Query("INSERT INTO app_secret (name, secret, created_at) VALUES (:name, :secret, :createdAt) ON CONFLICT DO NOTHING")
        void insertIfAbsent(String name, String secret, Instant createdAt);

        @Query("SELECT secret FROM app_secret WHERE name = :name")
        Optional<String> find(String name);
    }
}
