package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One-time links to set a password: sent by mail when an admin invites an account or resets its password.
 * Valid {@link #VALID_FOR}, once; a newer link voids the older ones; only the SHA-256 of the secret is stored.
 * Setting the password unlocks the account and ends its sessions.
 */
@Singleton
public class PasswordLinks {

    public static final Duration VALID_FOR = Duration.ofHours(72);

    private final Links links;
    private final StaffRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    PasswordLinks(Links links, StaffRepository accounts, PasswordPolicy policy, PasswordHasher hasher,
                  StaffSessions sessions, AuditLog audit, Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new link for the account (older ones voided), in the caller's transaction; returns its secret. */
    String issue(long accountId) {
        Instant now = clock.instant();
        links.voidAll(accountId, now);
        String secret = Secrets.random();
        links.save(new PasswordLink(Secrets.sha256(secret), accountId, now, now.plus(VALID_FOR), null));
        return secret;
    }

    /** The enabled account a valid, unused link is for. */
    public Optional<StaffAccount> accountOf(String secret) {
        return valid(secret).flatMap(l -> accounts.findById(l.accountId())).filter(StaffAccount::enabled);
    }

    /** Sets the password of the link's account; the link is then used up. */
    @Transactional
    public StaffAccount setPassword(String secret, @Nullable String password, @Nullable String confirmation) {
        PasswordLink link = valid(secret).orElseThrow(() -> DomainException.notFound("password_link_invalid"));
        StaffAccount account = accounts.lock(link.accountId()).filter(StaffAccount::enabled)
                .orElseThrow(() -> DomainException.notFound("password_link_invalid"));
        policy.check("password", account.username(), password);
        if (!password.equals(confirmation)) {
            throw DomainException.invalid("confirmation", "password_confirmation_differs");
        }
        Instant now = clock.instant();
        if (links.use(link.tokenHash(), now) != 1) {
            throw DomainException.notFound("password_link_invalid");
        }
        accounts.setPasswordHash(account.id(), hasher.hash(password));
        accounts.unlock(account.id());
        sessions.endAll(account.id());
        audit.record(account.username(), "password_set_by_link", "staff_account", account.id(), null);
        return account;
    }

    private Optional<PasswordLink> valid(String secret) {
        if (!Secrets.wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findById(Secrets.sha256(secret)).filter(l -> l.usedAt() == null && l.expiresAt().isAfter(now));
    }

    @MappedEntity("staff_password_link")
    record PasswordLink(@Id String tokenHash, long accountId, Instant createdAt, Instant expiresAt,
                        @Nullable Instant usedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Links extends CrudRepository<PasswordLink, String> {

        @Query("UPDATE staff_password_link SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL")
        int use(String tokenHash, Instant now);

        @Query("UPDATE staff_password_link SET used_at = :now WHERE account_id = :accountId AND used_at IS NULL")
        void voidAll(long accountId, Instant now);
    }
}
