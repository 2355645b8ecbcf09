package fr.cuf.rencontres.support;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Which database the service runs on, from the JDBC URL: PostgreSQL (production) or the embedded H2. Most code
 * does not ask; a hot path that uses PostgreSQL-only SQL (a data-modifying {@code WITH}) does, and keeps a
 * portable path for H2.
 */
@Singleton
public class DatabaseVendor {

    private final boolean postgres;

    DatabaseVendor(@Value("${datasources.default.url}") String url) {
        this.postgres = isPostgres(url);
    }

    public static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public boolean postgres() {
        return postgres;
    }
}
