package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an admin does with staff accounts: invite (the account sets its password through a mailed one-time
 * link), change name, address and roles, disable and enable, reset the password, unlock. No change may leave
 * the service without an enabled admin (the admins are locked while the change is checked). All audited.
 */
@Singleton
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StaffRepository accounts;
    private final PasswordLinks links;
    private final StaffMails mails;
    private final StaffSessions sessions;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    StaffAccounts(StaffRepository accounts, PasswordLinks links, StaffMails mails, StaffSessions sessions,
                  SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.mails = mails;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** The fields of the invitation and edit forms. */
    public record Form(@Nullable String username, @Nullable String displayName, @Nullable String email,
                       Set<Role> roles) {
    }

    public List<StaffAccount> all() {
        return accounts.findAllOrderByUsername();
    }

    public StaffAccount get(long id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("account_not_found"));
    }

    @Transactional
    public StaffAccount invite(Form form, String actor) {
        List<Problem> problems = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(Problem.field("username", "username_invalid"));
        } else if (accounts.findByUsername(username).isPresent()) {
            problems.add(Problem.field("username", "username_taken"));
        }
        String email = checkProfile(form, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        StaffAccount account = accounts.save(new StaffAccount(null, username, form.displayName().strip(),
                StaffAccount.NO_PASSWORD, StaffDirectory.roleList(form.roles()), true, clock.instant(), email, null, null));
        mails.queue(account, StaffMails.Kind.INVITATION, links.issue(account.id()));
        audit.record(actor, "account_invited", "staff_account", account.id(),
                username + " <" + email + ">, roles " + account.roles());
        return account;
    }

    @Transactional
    public StaffAccount update(long id, Form form, String actor) {
        List<Problem> problems = new ArrayList<>();
        String email = checkProfile(form, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        StaffAccount before = get(id);
        String roles = StaffDirectory.roleList(form.roles());
        if (!form.roles().contains(Role.ADMIN)) {
            keepAnAdmin(id, "roles");
        }
        accounts.setProfile(id, roles, form.displayName().strip(), email);
        audit.record(actor, "account_changed", "staff_account", id, "roles " + before.roles() + " → " + roles
                + (java.util.Objects.equals(before.email(), email) ? "" : ", e-mail " + before.email() + " → " + email)
                + (before.displayName().equals(form.displayName().strip()) ? "" : ", name " + before.displayName()
                + " → " + form.displayName().strip()));
        return get(id);
    }

    @Transactional
    public StaffAccount setEnabled(long id, boolean enabled, String actor) {
        get(id);
        if (!enabled) {
            keepAnAdmin(id, null);
            sessions.endAll(id);
        }
        accounts.setEnabled(id, enabled);
        audit.record(actor, enabled ? "account_enabled" : "account_disabled", "staff_account", id, null);
        return get(id);
    }

    /** Voids the password and its sessions, and mails a one-time link to set a new one. */
    @Transactional
    public StaffAccount resetPassword(long id, String actor) {
        StaffAccount account = get(id);
        accounts.setPasswordHash(id, StaffAccount.NO_PASSWORD);
        sessions.endAll(id);
        mails.queue(account, StaffMails.Kind.PASSWORD_RESET, links.issue(id));
        audit.record(actor, "password_reset", "staff_account", id, account.email() == null ? "no e-mail address" : null);
        return get(id);
    }

    @Transactional
    public StaffAccount unlock(long id, String actor) {
        StaffAccount account = get(id);
        accounts.unlock(id);
        throttle.clear("account:" + account.username().toLowerCase(java.util.Locale.ROOT));
        audit.record(actor, "account_unlocked", "staff_account", id, null);
        return get(id);
    }

    private String checkProfile(Form form, List<Problem> problems) {
        if (form.displayName() == null || form.displayName().isBlank()) {
            problems.add(Problem.field("displayName", "display_name_required"));
        } else if (form.displayName().strip().length() > 120) {
            problems.add(Problem.field("displayName", "display_name_too_long", 120));
        }
        String email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
        if (email == null) {
            problems.add(Problem.field("email", "email_required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(Problem.field("email", "email_invalid"));
        }
        if (form.roles().isEmpty()) {
            problems.add(Problem.field("roles", "roles_required"));
        }
        return email;
    }

    /** Refuses a change that would leave no enabled admin, once the admins are locked. */
    private void keepAnAdmin(long changed, @Nullable String field) {
        List<StaffAccount> admins = accounts.lockEnabledAdmins();
        if (admins.stream().anyMatch(a -> a.id() == changed) && admins.size() == 1) {
            throw field == null ? DomainException.conflict("last_admin") : DomainException.conflict(field, "last_admin");
        }
    }

    public static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role r : Role.values()) {
                if (r.name().equals(name)) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }
}
