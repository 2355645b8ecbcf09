package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Registration requests per client address and minute. The service runs as several stateless
 * instances, so the counters live in the database (one row per address and minute), shared by all.
 * Counting is one UPDATE (the row lock makes it exact), preceded by an insert-if-absent when new.
 */
@Singleton
public class RateLimiter {

    private final RateCountRepository counters;
    private final int limit;
    private final Clock clock;
    private final TransactionOperations<java.sql.Connection> tx;

    RateLimiter(RateCountRepository counters, RegistrationSettings settings, Clock clock, TransactionOperations<java.sql.Connection> tx) {
        this.counters = counters;
        this.limit = settings.getRateLimitPerMinute();
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Counts one request of {@code client}; false when it exceeds the limit of this minute. With the limit off
     * (0) it touches neither the database nor a connection.
     */
    public boolean allow(String client) {
        if (limit <= 0) {
            return true;
        }
        String key = client.length() > 64 ? client.substring(0, 64) : client;
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return tx.executeWrite(status -> {
            if (counters.increment(key, minute) == 0) {
                counters.insertIfAbsent(key, minute);
                counters.increment(key, minute);
            }
            return counters.hits(key, minute) <= limit;
        });
    }

    /** Old minutes are of no use: removed by the housekeeping job. */
    @Transactional
    public void purgeBefore(Instant before) {
        counters.purge(before);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface RateCountRepository extends GenericRepository<RegistrationDetail, Long> {

        @Query("UPDATE rate_limit_counter SET hits = hits + 1 WHERE client = :client AND minute_start = :minute")
        long increment(String client, Instant minute);

        @Query("INSERT INTO rate_limit_counter (client, minute_start, hits) VALUES (:client, :minute, 0) ON CONFLICT DO NOTHING")
        void insertIfAbsent(String client, Instant minute);

        @Query("SELECT hits FROM rate_limit_counter WHERE client = :client AND minute_start = :minute")
        int hits(String client, Instant minute);

        @Query("DELETE FROM rate_limit_counter WHERE minute_start < :before")
        void purge(Instant before);
    }
}
