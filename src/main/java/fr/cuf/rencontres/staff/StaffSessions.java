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
import java.util.Optional;

/**
 * Staff sessions kept on the server, so that every instance sees a sign-out at once. The cookie names a random
 * session id (signed, see SessionTokens); the row, found by the id's SHA-256, says whether it still
 * holds: not ended (sign-out, password change, disabled account), used within the last {@link #IDLE}, begun
 * within {@link #ABSOLUTE}. Use is written at most once a minute, not on every request.
 */
@Singleton
public class StaffSessions {

    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Rows rows;
    private final Clock clock;

    StaffSessions(Rows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Opens a session for the account; returns the id to put in the cookie. */
    public String open(long accountId) {
        String id = Secrets.random();
        Instant now = clock.instant();
        rows.save(new StaffSession(Secrets.sha256(id), accountId, now, now, null));
        return id;
    }

    /** The account of a session that still holds, marking it used. */
    public Optional<Long> holder(String id) {
        if (!Secrets.wellFormed(id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return rows.findById(Secrets.sha256(id)).filter(s -> holds(s, now)).map(s -> {
            if (s.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))) {
                rows.touch(s.idHash(), now);
            }
            return s.accountId();
        });
    }

    static boolean holds(StaffSession s, Instant now) {
        return s.endedAt() == null && s.lastSeenAt().isAfter(now.minus(IDLE)) && s.createdAt().isAfter(now.minus(ABSOLUTE));
    }

    public void end(String id) {
        if (Secrets.wellFormed(id)) {
            rows.end(Secrets.sha256(id), clock.instant());
        }
    }

    /** Ends every session of the account (password changed or reset, account disabled). */
    public void endAll(long accountId) {
        rows.endAll(accountId, clock.instant());
    }

    public long openCount(Long accountId, Instant now) {
        return rows.countOpen(accountId, now.minus(IDLE), now.minus(ABSOLUTE));
    }

    @MappedEntity("staff_session")
    record StaffSession(@Id String idHash, long accountId, Instant createdAt, Instant lastSeenAt,
                        @Nullable Instant endedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Rows extends CrudRepository<StaffSession, String> {

        @Query("UPDATE staff_session SET last_seen_at = :now WHERE id_hash = :idHash AND ended_at IS NULL")
        void touch(String idHash, Instant now);

        @Query("UPDATE staff_session SET ended_at = :now WHERE id_hash = :idHash AND ended_at IS NULL")
        void end(String idHash, Instant now);

        @Query("UPDATE staff_session SET ended_at = :now WHERE account_id = :accountId AND ended_at IS NULL")
        void endAll(long accountId, Instant now);

        @Query("""
                SELECT COUNT(*) FROM staff_session WHERE account_id = :accountId AND ended_at IS NULL
                   AND last_seen_at > :idleBefore AND created_at > :begunBefore""")
        long countOpen(Long accountId, Instant idleBefore, Instant begunBefore);
    }
}
