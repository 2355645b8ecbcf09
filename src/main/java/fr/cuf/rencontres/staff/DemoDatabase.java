package fr.cuf.rencontres.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

/**
 * Whether this is the embedded H2 database into which the demo data was loaded (its audit log holds the demo
 * loader's entries): there, and only there, the demo staff accounts exist with their published password. Read once,
 * at the first question (after the demo data, if any, was loaded at start).
 */
@Singleton
public class DemoDatabase {

    private final String jdbcUrl;
    private final DemoTrace trace;
    private volatile Boolean demo;

    DemoDatabase(@Value("${datasources.default.url}") String jdbcUrl, DemoTrace trace) {
        this.jdbcUrl = jdbcUrl;
        this.trace = trace;
    }

    public boolean isDemo() {
        Boolean known = demo;
        if (known == null) {
            known = jdbcUrl.startsWith("jdbc:h2:") && trace.demoEntries() > 0;
            demo = known;
        }
        return known;
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface DemoTrace extends GenericRepository<SecondFactorRepository.SecondFactor, Long> {

        @Query("SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE actor = 'demo' FETCH FIRST 1 ROWS ONLY) d")
        long demoEntries();
    }
}
