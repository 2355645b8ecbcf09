package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rencontres.registration.rate-limit-per-minute: 0} switches the limit off (load tests). */
@DatabaseTest
@Property(name = "rencontres.registration.rate-limit-per-minute", value = "0")
class RateLimiterOffTest {

    @Inject RateLimiter limiter;
    @Inject DataSource dataSource;

    @Test
    void a_limit_of_zero_lets_every_request_through_and_counts_nothing() {
        TestDatabase.clean(dataSource);
        for (int i = 0; i < 500; i++) {
            assertTrue(limiter.allow("192.0.2.10"), "request " + i);
        }
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM rate_limit_counter"));
    }
}
