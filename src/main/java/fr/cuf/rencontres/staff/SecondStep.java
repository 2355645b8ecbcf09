package fr.cuf.rencontres.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The sign-in's second step, for an account with an active second factor. The right password opens a challenge
 * ({@link #begin}): a random id the browser keeps for {@link #VALID} (the row holds its SHA-256), which grants
 * nothing by itself. The code typed next ({@link #attempt}) is throttled like a password, per account and per
 * address ({@link SignInThrottle}: the same counters, so a wrong code and a wrong password add up, and a right
 * password does not wipe the count of wrong codes); the {@value SignIn#LOCK_AFTER}th failure in a row locks the
 * account. Only a right code ends the challenge and yields the authentication that opens a session.
 */
@Singleton
public class SecondStep {

    public static final Duration VALID = Duration.ofMinutes(5);

    private final Challenges challenges;
    private final StaffRepository accounts;
    private final SignInThrottle throttle;
    private final SecondFactorCheck check;
    private final SignIn.Recorder recorder;
    private final Clock clock;

    SecondStep(Challenges challenges, StaffRepository accounts, SignInThrottle throttle, SecondFactorCheck check,
               SignIn.Recorder recorder, Clock clock) {
        this.challenges = challenges;
        this.accounts = accounts;
        this.throttle = throttle;
        this.check = check;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Opens the challenge of an account whose password was right; returns the id for the browser. */
    public String begin(long accountId) {
        String id = Secrets.random();
        Instant now = clock.instant();
        challenges.save(new Challenge(Secrets.sha256(id), accountId, now, now.plus(VALID), null));
        return id;
    }

    /** Whether the challenge is still open (not ended, not expired). */
    public boolean isOpen(@Nullable String id) {
        return open(id).isPresent();
    }

    /** Checks the typed code. {@code ok} carries the authentication; any other code says why not. */
    public SignIn.Outcome attempt(@Nullable String id, @Nullable String code, String address) {
        Optional<Challenge> challenge = open(id);
        Optional<StaffAccount> found = challenge.flatMap(c -> accounts.findById(c.accountId()));
        if (found.isEmpty()) {
            return SignIn.Outcome.refused("second_factor_expired");
        }
        StaffAccount account = found.get();
        String accountSubject = "account:" + account.username().toLowerCase(Locale.ROOT);
        String addressSubject = "address:" + address;
        Instant now = clock.instant();
        Optional<Integer> byAccount = throttle.claimAttempt(accountSubject, addressSubject, now);
        if (byAccount.isEmpty()) {
            String refusal = throttle.waitRefusal(accountSubject);
            recorder.failed(account.username(), found, address, refusal);
            return SignIn.Outcome.refused(refusal);
        }
        if (!account.enabled() || account.isLocked()) {
            challenges.end(challenge.get().idHash(), now);
            recorder.failed(account.username(), found, address, "account_locked");
            return SignIn.Outcome.refused("account_locked");
        }
        if (check.check(account, code) != SecondFactorCheck.Result.WRONG) {
            if (challenges.end(challenge.get().idHash(), now) != 1) {
                return SignIn.Outcome.refused("second_factor_expired"); // the same challenge answered twice at once
            }
            throttle.succeeded(accountSubject, true);
            throttle.succeeded(addressSubject, false);
            recorder.succeeded(account, address);
            return new SignIn.Outcome(StaffDirectory.authenticationFor(account), "ok", account.id(), false);
        }
        if (byAccount.get() >= SignIn.LOCK_AFTER) {
            challenges.end(challenge.get().idHash(), now);
            recorder.lockOut(account, address, byAccount.get());
            recorder.failed(account.username(), found, address, "account_locked");
            return SignIn.Outcome.refused("account_locked");
        }
        recorder.failed(account.username(), found, address, "second_factor_invalid");
        return SignIn.Outcome.refused("second_factor_invalid");
    }

    private Optional<Challenge> open(@Nullable String id) {
        if (!Secrets.wellFormed(id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return challenges.findById(Secrets.sha256(id)).filter(c -> c.endedAt() == null && c.expiresAt().isAfter(now));
    }

    @MappedEntity("staff_sign_in_challenge")
    record Challenge(@Id String idHash, long accountId, Instant createdAt, Instant expiresAt, @Nullable Instant endedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Challenges extends CrudRepository<Challenge, String> {

        @Query("UPDATE staff_sign_in_challenge SET ended_at = :now WHERE id_hash = :idHash AND ended_at IS NULL AND expires_at > :now")
        int end(String idHash, Instant now);
    }
}
