package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a user name and password (the sign-in form; the API takes API tokens, never passwords), throttled per account and per
 * client address ({@link SignInThrottle}); the {@value #LOCK_AFTER}th failure in a row locks the account until
 * an admin unlocks it or a password link is used, and mails the account. The answer takes the same time for an
 * unknown name (a dummy hash is checked), and an unknown name is throttled and "locked" like a real one, so
 * neither timing nor messages tell which accounts exist. Every attempt goes to the audit log.
 */
@Singleton
public class SignIn {

    static final int LOCK_AFTER = 10;
    /** The attribute of a form sign-in's authentication whose second step (the code) is still to come. */
    public static final String SECOND_STEP = "secondStep";

    /**
     * The authentication of a success, or the code of the refusal. {@code secondStep}: the password was right but the
     * account has a second factor; the authentication must not open a session before {@link SecondStep} passes.
     */
    public record Outcome(Optional<Authentication> authentication, String code, Long accountId, boolean secondStep) {
        static Outcome refused(String code) {
            return new Outcome(Optional.empty(), code, null, false);
        }
    }

    private final StaffRepository accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final Recorder recorder;
    private final SecondFactorRepository factors;
    private final Clock clock;
    private final String dummyHash;

    SignIn(StaffRepository accounts, PasswordHasher hasher, SignInThrottle throttle, Recorder recorder,
           SecondFactorRepository factors, Clock clock) {
        this.accounts = accounts;
        this.factors = factors;
        this.hasher = hasher;
        this.throttle = throttle;
        this.recorder = recorder;
        this.clock = clock;
        this.dummyHash = hasher.unmatchable();
    }

    public Outcome attempt(String username, String password, String address) {
        String name = username == null ? "" : username.strip().replaceAll("\\p{Cntrl}", "?");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        String accountSubject = "account:" + name.toLowerCase(Locale.ROOT);
        String addressSubject = "address:" + address;
        Instant now = clock.instant();
        Optional<Integer> byAccount = throttle.claimAttempt(accountSubject, addressSubject, now);
        Optional<StaffAccount> account = accounts.findByUsername(name);
        if (byAccount.isEmpty()) {
            String code = throttle.waitRefusal(accountSubject);
            recorder.failed(name, account, address, code);
            return Outcome.refused(code);
        }
        boolean usable = account.isPresent() && account.get().enabled() && account.get().hasPassword();
        boolean matches = hasher.matches(password == null ? "" : password, usable ? account.get().passwordHash() : dummyHash)
                && usable;
        if (matches && !account.get().isLocked()) {
            if (factors.isActive(account.get().id())) {
                // half way: the password's claim is undone, not the count cleared: a right password between
                // wrong codes does not reset the throttle of the codes, and the code typed next is the attempt
                // that counts (SecondStep), so a password and its code are one attempt, not two waits
                throttle.undoClaim(accountSubject);
                throttle.undoClaim(addressSubject);
                recorder.passwordAccepted(account.get(), address);
                return new Outcome(StaffDirectory.authenticationFor(account.get()), "ok", account.get().id(), true);
            }
            throttle.succeeded(accountSubject, true);
            throttle.succeeded(addressSubject, false);
            recorder.succeeded(account.get(), address);
            return new Outcome(StaffDirectory.authenticationFor(account.get()), "ok", account.get().id(), false);
        }
        boolean locked = account.map(StaffAccount::isLocked).orElse(false) || byAccount.get() >= LOCK_AFTER;
        if (account.isPresent() && !account.get().isLocked() && byAccount.get() >= LOCK_AFTER) {
            recorder.lockOut(account.get(), address, byAccount.get());
        }
        String code = locked ? "account_locked" : "login_failed";
        recorder.failed(name, account, address, code);
        return Outcome.refused(code);
    }

    /** The writes of an outcome, each in one short transaction (never held while a password is hashed). */
    @Singleton
    static class Recorder {

        private final StaffRepository accounts;
        private final AuditLog audit;
        private final StaffMails mails;
        private final Clock clock;

        Recorder(StaffRepository accounts, AuditLog audit, StaffMails mails, Clock clock) {
            this.accounts = accounts;
            this.audit = audit;
            this.mails = mails;
            this.clock = clock;
        }

        @Transactional
        void succeeded(StaffAccount account, String address) {
            accounts.signedIn(account.id(), clock.instant());
            audit.record(account.username(), "sign_in_succeeded", "staff_account", account.id(), "address " + address);
        }

        @Transactional
        void passwordAccepted(StaffAccount account, String address) {
            audit.record(account.username(), "sign_in_password_accepted", "staff_account", account.id(),
                    "second factor asked, address " + address);
        }

        @Transactional
        void failed(String name, Optional<StaffAccount> account, String address, String code) {
            audit.record(name.isEmpty() ? "?" : name, "sign_in_failed", "staff_account",
                    account.map(StaffAccount::id).orElse(null), code + ", address " + address);
        }

        @Transactional
        void lockOut(StaffAccount account, String address, int failures) {
            if (accounts.lockOut(account.id(), clock.instant()) == 1) {
                audit.record(account.username(), "account_locked", "staff_account", account.id(),
                        failures + " failed sign-ins, last from " + address);
                mails.queue(account, StaffMails.Kind.LOCKED, null);
            }
        }
    }
}
