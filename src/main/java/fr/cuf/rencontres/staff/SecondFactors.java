package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A staff member's second factor: enrolment (a secret shown once as a QR code and as text, active only after a first
 * code from the app is typed back), turning it off (password and a current code), and an admin's reset of another
 * account's factor. Enabling, disabling and resetting are audited.
 */
@Singleton
public class SecondFactors {

    /** What the enrolment page shows: the secret as text and the URI the QR code carries. */
    public record Enrolment(String secret, String groupedSecret, String uri) {
    }

    /** The state shown on "my account" and on an account's admin page. */
    public record Status(boolean active, Instant confirmedAt, long recoveryCodesLeft) {
    }

    private final StaffRepository accounts;
    private final SecondFactorRepository store;
    private final SecondFactorCheck check;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final Clock clock;

    SecondFactors(StaffRepository accounts, SecondFactorRepository store, SecondFactorCheck check, PasswordHasher hasher,
                  AuditLog audit, StaffSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.check = check;
        this.hasher = hasher;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    public boolean isActive(long accountId) {
        return store.isActive(accountId);
    }

    public Optional<Status> status(long accountId) {
        return store.of(accountId).filter(SecondFactorRepository.SecondFactor::active)
                .map(f -> new Status(true, f.confirmedAt(), store.unusedRecoveryCodes(accountId)));
    }

    /** Starts (or starts again) an enrolment; refused while a factor is active. */
    @Transactional
    public Enrolment start(String username) {
        StaffAccount account = account(username);
        if (store.isActive(account.id())) {
            throw DomainException.conflict("code", "second_factor_already_active");
        }
        return enrolment(account, store.startEnrolment(account.id(), clock.instant()));
    }

    /** The enrolment under way, if any. */
    public Optional<Enrolment> pending(String username) {
        StaffAccount account = account(username);
        return store.of(account.id()).filter(f -> !f.active()).map(f -> enrolment(account, store.secretOf(f)));
    }

    /** Activates the factor with a first code from the app; returns the recovery codes, to be shown once. */
    @Transactional
    public List<String> confirm(String username, String code) {
        StaffAccount account = account(username);
        SecondFactorRepository.SecondFactor pending = store.of(account.id()).filter(f -> !f.active())
                .orElseThrow(() -> DomainException.conflict("code", "second_factor_not_started"));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(store.secretOf(pending), code, now);
        if (step.isEmpty()) {
            throw DomainException.invalid("code", "second_factor_invalid");
        }
        if (!store.confirm(account.id(), now, step.getAsLong())) {
            throw DomainException.conflict("code", "second_factor_already_active");
        }
        List<String> codes = store.issueRecoveryCodes(account.id());
        audit.record(account.username(), "second_factor_enabled", "staff_account", account.id(),
                codes.size() + " recovery codes issued");
        return codes;
    }

    /** Turns the factor off: the password and a current code (or a recovery code) are asked again. */
    @Transactional
    public void turnOff(String username, String password, String code) {
        StaffAccount account = account(username);
        if (!store.isActive(account.id())) {
            throw DomainException.conflict("code", "second_factor_not_active");
        }
        if (!hasher.matches(password == null ? "" : password, account.passwordHash())) {
            throw DomainException.invalid("current", "current_password_wrong");
        }
        if (check.check(account, code) == SecondFactorCheck.Result.WRONG) {
            throw DomainException.invalid("code", "second_factor_invalid");
        }
        store.remove(account.id());
        audit.record(account.username(), "second_factor_disabled", "staff_account", account.id(), null);
    }

    /**
     * An admin removes another account's factor (a lost phone and no recovery code left): its sessions end, and
     * it signs in next with its password alone (an admin is then taken to enrol again where that is required).
     */
    @Transactional
    public void reset(long accountId, String actor) {
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("account_not_found"));
        if (account.username().equals(actor)) {
            throw DomainException.conflict("second_factor_reset_own");
        }
        if (!store.remove(accountId)) {
            throw DomainException.conflict("second_factor_not_active");
        }
        sessions.endAll(accountId);
        audit.record(actor, "second_factor_reset", "staff_account", accountId, "of " + account.username());
    }

    private Enrolment enrolment(StaffAccount account, String secret) {
        return new Enrolment(secret, Totp.grouped(secret), Totp.uri(account.username(), secret));
    }

    private StaffAccount account(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> DomainException.notFound("account_not_found"));
    }
}
