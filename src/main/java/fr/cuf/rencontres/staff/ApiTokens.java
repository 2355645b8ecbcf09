package fr.cuf.rencontres.staff;

import com.github.benmanes.caffeine.cache.Cache;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.cache.SyncCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Named API tokens of a staff account, for scripts calling the JSON API ({@code Authorization: Bearer rct_…})
 * without a password. Shown once at creation; only their SHA-256 is stored; revocable; they act with the
 * roles the account has (read again at least every 5 s), and stop with a disabled or locked account.
 * <p>
 * A script scanning badges calls hundreds of times a second: the authentication of a token is kept a few seconds
 * ({@code micronaut.caches.api-tokens}, expire-after-write 5 s), which saves three statements a call (the token, its
 * account, the last use). A revocation on this instance takes effect at once; on another instance, and a disabled,
 * locked or changed account, within those seconds.
 */
@Singleton
public class ApiTokens {

    public static final String PREFIX = "rct_";
    static final int MAX_PER_ACCOUNT = 20;
    /** Name of the cache of recently used tokens (micronaut.caches.api-tokens). */
    static final String RECENT = "api-tokens";

    private final Tokens tokens;
    private final StaffRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    /** The authentication of each token recently used, by the token's SHA-256; unknown tokens are not kept. */
    private final Cache<Object, Object> recent;

    ApiTokens(Tokens tokens, StaffRepository accounts, AuditLog audit, Clock clock,
              @Named(RECENT) SyncCache<Cache<Object, Object>> recent) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.recent = recent.getNativeCache();
    }

    /** A new token of the account; the returned text is the only time it exists in clear. */
    @Transactional
    public String create(String username, @Nullable String name) {
        StaffAccount account = accounts.findByUsername(username).orElseThrow(() -> DomainException.notFound("account_not_found"));
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw DomainException.invalid("name", "token_name_required");
        }
        if (label.length() > 80) {
            throw DomainException.invalid("name", "token_name_too_long", 80);
        }
        if (tokens.countActive(account.id()) >= MAX_PER_ACCOUNT) {
            throw DomainException.invalid("name", "too_many_tokens", MAX_PER_ACCOUNT);
        }
        String secret = PREFIX + Secrets.random();
        ApiToken saved = tokens.save(new ApiToken(null, account.id(), label, Secrets.sha256(secret), clock.instant(),
                null, null));
        audit.record(username, "api_token_created", "staff_account", account.id(), "token " + saved.id() + ": " + label);
        return secret;
    }

    @Transactional
    public void revoke(String username, long tokenId) {
        StaffAccount account = accounts.findByUsername(username).orElseThrow(() -> DomainException.notFound("account_not_found"));
        if (tokens.revoke(tokenId, account.id(), clock.instant()) == 1) {
            tokens.findById(tokenId).ifPresent(t -> recent.invalidate(t.tokenHash()));
            audit.record(username, "api_token_revoked", "staff_account", account.id(), "token " + tokenId);
        }
    }

    public List<ApiToken> of(long accountId) {
        return tokens.findByAccountIdOrderById(accountId);
    }

    /** The authentication of the enabled, unlocked account owning this unrevoked token. */
    public Optional<io.micronaut.security.authentication.Authentication> authenticate(String token) {
        Optional<io.micronaut.security.authentication.Authentication> known = recentlyUsed(token);
        if (known.isPresent() || !wellFormed(token)) {
            return known;
        }
        Optional<io.micronaut.security.authentication.Authentication> found = owner(token)
                .flatMap(StaffDirectory::authenticationFor);
        found.ifPresent(authentication -> recent.put(Secrets.sha256(token), authentication));
        return found;
    }

    /**
     * The authentication of a token used in the last seconds (see the class comment), without reaching the
     * database: callers on the event loop answer at once and leave only the other tokens to a blocking thread.
     */
    public Optional<io.micronaut.security.authentication.Authentication> recentlyUsed(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable((io.micronaut.security.authentication.Authentication)
                recent.getIfPresent(Secrets.sha256(token)));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.startsWith(PREFIX) && Secrets.wellFormed(token.substring(PREFIX.length()));
    }

    /** The enabled, unlocked account owning this unrevoked token. */
    public Optional<StaffAccount> owner(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(Secrets.sha256(token)).filter(t -> t.revokedAt() == null).flatMap(t -> {
            if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
                tokens.used(t.id(), now);
            }
            return accounts.findById(t.accountId());
        }).filter(a -> a.enabled() && !a.isLocked());
    }

    @MappedEntity("staff_api_token")
    public record ApiToken(@Id @GeneratedValue @Nullable Long id, long accountId, String name, String tokenHash,
                           Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
        public boolean isActive() {
            return revokedAt == null;
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Tokens extends CrudRepository<ApiToken, Long> {

        Optional<ApiToken> findByTokenHash(String tokenHash);

        List<ApiToken> findByAccountIdOrderById(long accountId);

        @Query("SELECT COUNT(*) FROM staff_api_token WHERE account_id = :accountId AND revoked_at IS NULL")
        long countActive(long accountId);

        @Query("UPDATE staff_api_token SET last_used_at = :now WHERE id = :id")
        void used(long id, Instant now);

        @Query("UPDATE staff_api_token SET revoked_at = :now WHERE id = :id AND account_id = :accountId AND revoked_at IS NULL")
        int revoke(long id, long accountId, Instant now);
    }
}
