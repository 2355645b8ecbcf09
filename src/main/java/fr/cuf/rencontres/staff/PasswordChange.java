package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** A staff member changes their own password, giving the current one; every session of theirs ends. */
@Singleton
public class PasswordChange {

    private final StaffRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final StaffSessions sessions;
    private final AuditLog audit;

    PasswordChange(StaffRepository accounts, PasswordHasher hasher, PasswordPolicy policy, StaffSessions sessions,
                   AuditLog audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Transactional
    public void change(String username, @Nullable String current, @Nullable String password,
                       @Nullable String confirmation) {
        StaffAccount account = accounts.findByUsername(username).orElseThrow(() -> DomainException.notFound("account_not_found"));
        if (current == null || !account.hasPassword() || !hasher.matches(current, account.passwordHash())) {
            throw DomainException.invalid("current", "current_password_wrong");
        }
        policy.check("password", username, password);
        if (!password.equals(confirmation)) {
            throw DomainException.invalid("confirmation", "password_confirmation_differs");
        }
        accounts.setPasswordHash(account.id(), hasher.hash(password));
        sessions.endAll(account.id());
        audit.record(username, "password_changed", "staff_account", account.id(), null);
    }

}
