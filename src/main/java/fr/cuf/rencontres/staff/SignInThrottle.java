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
 * The first {@value #FREE} failures of an account cost nothing, the first {@value #FREE_PER_ADDRESS} of an address
 * (an office or a NAT shares one: a colleague's typos must not lock everyone out, while spraying one password over
 * many accounts is still slowed); from then on each one makes the next attempt wait 30 s, 1 min, 2 min… up to
 * 15 min. Failures an hour old are forgotten.
 */
@Singleton
public class SignInThrottle {

    static final int FREE = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Failures failures;

    SignInThrottle(Failures failures) {
        this.failures = failures;
    }

    /** The claimed attempt's failure count (this one included), or empty when the subject must still wait. */
    public Optional<Integer> claim(String subject, Instant now) {
        int free = free(subject);
        for (int round = 0; round < 2; round++) {
            Instant stale = now.minus(FORGET_AFTER);
            if (failures.claim(subject, now, stale, free, until(now, free, free), until(now, free + 1, free),
                    until(now, free + 2, free), until(now, free + 3, free), until(now, free + 4, free),
                    now.plus(MAX_WAIT)) == 1) {
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

    /**
     * Claims one attempt (a password or a second-factor code) on its account, then on its address: the account's
     * failure count with this attempt, or empty when either must still wait (then the account's claim is taken
     * back: refused for the address is not a guess at the account; see {@link #waitRefusal}).
     */
    public Optional<Integer> claimAttempt(String accountSubject, String addressSubject, Instant now) {
        Optional<Integer> byAccount = claim(accountSubject, now);
        Optional<Integer> byAddress = byAccount.isPresent() ? claim(addressSubject, now) : Optional.empty();
        if (byAccount.isPresent() && byAddress.isEmpty()) {
            succeeded(accountSubject, false);
        }
        return byAddress.isPresent() ? byAccount : Optional.empty();
    }

    /** Why an attempt that must wait is refused: the account is locked, or it (or its address) must wait. */
    String waitRefusal(String accountSubject) {
        return count(accountSubject) >= SignIn.LOCK_AFTER ? "account_locked" : "sign_in_throttled";
    }

    /** Takes back the failure a successful attempt claimed; {@code forget} clears the subject entirely. */
    public void succeeded(String subject, boolean forget) {
        if (forget) {
            failures.delete(subject);
        } else {
            failures.takeBack(subject, free(subject));
        }
    }

    /**
     * Undoes a claim entirely, the wait it set included (a claim is only made once the subject's wait is over):
     * the right password of an account with a second factor, whose attempt goes on with the code, counted then.
     */
    public void undoClaim(String subject) {
        failures.undo(subject);
    }

    public void clear(String subject) {
        failures.delete(subject);
    }

    public int count(String subject) {
        return failures.count(subject).orElse(0);
    }

    /** How many failures of this subject cost nothing. */
    static int free(String subject) {
        return subject.startsWith("address:") ? FREE_PER_ADDRESS : FREE;
    }

    /** When the next attempt may come after the {@code n}th failure, {@code free} failures being free. */
    static Instant until(Instant now, int n, int free) {
        if (n < free) {
            return null;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(n - free, 10));
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
                       blocked_until = CASE (CASE WHEN last_failure_at < :stale THEN 1 ELSE failures + 1 END) - :free
                           WHEN 0 THEN CAST(:at0 AS TIMESTAMP WITH TIME ZONE) WHEN 1 THEN CAST(:at1 AS TIMESTAMP WITH TIME ZONE)
                           WHEN 2 THEN CAST(:at2 AS TIMESTAMP WITH TIME ZONE) WHEN 3 THEN CAST(:at3 AS TIMESTAMP WITH TIME ZONE)
                           WHEN 4 THEN CAST(:at4 AS TIMESTAMP WITH TIME ZONE)
                           ELSE CASE WHEN failures + 1 > :free AND last_failure_at >= :stale
                                     THEN CAST(:atMax AS TIMESTAMP WITH TIME ZONE) END END,
                       last_failure_at = :now
                 WHERE subject = :subject AND (blocked_until IS NULL OR blocked_until <= :now)""")
        int claim(String subject, Instant now, Instant stale, int free, Instant at0, Instant at1, Instant at2,
                  Instant at3, Instant at4, Instant atMax);

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

        @Query("""
                UPDATE sign_in_failure
                   SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, blocked_until = NULL
                 WHERE subject = :subject""")
        void undo(String subject);

        @Query("DELETE FROM sign_in_failure WHERE subject = :subject")
        void delete(String subject);
    }
}
