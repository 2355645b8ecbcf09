package fr.cuf.rencontres.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per subject ("account:alice", "address:192.0.2.1"), in the database so that every instance
 * counts the same. An attempt is claimed BEFORE its password is checked, as a failure, in one statement that
 * also sets the time before which the next attempt is refused: concurrent guesses cannot all slip in before
 * the first failure is written. A success then takes its own failure back ({@link #succeeded}).
 * <p>
 * The first {@value #FREE} failures cost nothing; from then on each one makes the next attempt wait 30 s,
 * 1 min, 2 min… up to 15 min. Failures an hour old are forgotten.
 */
@Singleton
public class SignInThrottle {

    static final int FREE = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Failures failures;

    SignInThrottle(Failures failures) {
        this.failures = failures;
    }

    /** The claimed attempt's failure count (this one included), or empty when the subject must still wait. */
    public Optional<Integer> claim(String subject, Instant now) {
        for (int round = 0; round < 2; round++) {
            Instant stale = now.minus(FORGET_AFTER);
            if (failures.claim(subject, now, stale, until(now, 5), until(now, 6), until(now, 7), until(now, 8),
                    until(now, 9), now.plus(MAX_WAIT)) == 1) {
                return failures.count(subject);
            }
            if (failures.count(subject).isPresent()) {
                return Optional.empty(); // the row exists and blocks
            }
            if (failures.insert(subject, now) == 1) {
                return Optional.of(1);
            }
            // another attempt inserted the row meanwhile: claim again
        }
        return Optional.empty();
    }

    /** Takes back the failure a successful attempt claimed; {@code forget} clears the subject entirely. */
    public void succeeded(String subject, boolean forget) {
        if (forget) {
            failures.delete(subject);
        } else {
            failures.takeBack(subject, FREE);
        }
    }

    public void clear(String subject) {
        failures.delete(subject);
    }

    public int count(String subject) {
        return failures.count(subject).orElse(0);
    }

    /** When the next attempt may come after the {@code n}th failure. */
    static Instant until(Instant now, int n) {
        if (n < FREE) {
            return null;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(n - FREE, 10));
        return now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    @MappedEntity("sign_in_failure")
    record SignInFailure(@Id String subject, int failures, Instant lastFailureAt, @Nullable Instant blockedUntil) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Failures extends GenericRepository<SignInFailure, String> {

        /** Counts one more failure unless the subject must wait; its new count decides the next wait. */
        @Query("""
                UPDATE sign_in_failure
                   SET failures = CASE WHEN last_failure_at < :stale THEN 1 ELSE failures + 1 END,
                       blocked_until = CASE CASE WHEN last_failure_at < :stale THEN 1 ELSE failures + 1 END
                           WHEN 1 THEN NULL WHEN 2 THEN NULL WHEN 3 THEN NULL WHEN 4 THEN NULL
                           WHEN 5 THEN CAST(:at5 AS TIMESTAMP WITH TIME ZONE) WHEN 6 THEN CAST(:at6 AS TIMESTAMP WITH TIME ZONE) WHEN 7 THEN CAST(:at7 AS TIMESTAMP WITH TIME ZONE) WHEN 8 THEN CAST(:at8 AS TIMESTAMP WITH TIME ZONE) WHEN 9 THEN CAST(:at9 AS TIMESTAMP WITH TIME ZONE)
                           ELSE CAST(:atMax AS TIMESTAMP WITH TIME ZONE) END,
                       last_failure_at = :now
                 WHERE subject = :subject AND (blocked_until IS NULL OR blocked_until <= :now)""")
        int claim(String subject, Instant now, Instant stale, Instant at5, Instant at6, Instant at7, Instant at8,
                  Instant at9, Instant atMax);

        @Query("INSERT INTO sign_in_failure (subject, failures, last_failure_at) VALUES (:subject, 1, :now) ON CONFLICT DO NOTHING")
        int insert(String subject, Instant now);

        @Query("SELECT failures FROM sign_in_failure WHERE subject = :subject")
        Optional<Integer> count(String subject);

        @Query("""
                UPDATE sign_in_failure
                   SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END,
                       blocked_until = CASE WHEN failures - 1 < :free THEN NULL ELSE blocked_until END
                 WHERE subject = :subject""")
        void takeBack(String subject, int free);

        @Query("DELETE FROM sign_in_failure WHERE subject = :subject")
        void delete(String subject);
    }
}
