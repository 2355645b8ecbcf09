package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Moving and cancelling sessions so that calendar apps follow: each change of slot, room or status
 * raises the session's SEQUENCE (event_session.sequence, see the calendar feeds). A timetable editor
 * that writes sessions its own way calls {@link #markMoved} after each move.
 */
@Singleton
public class SessionChanges {

    private final SessionRepository sessions;
    private final Marks marks;
    private final AuditLog audit;
    private final Clock clock;

    SessionChanges(SessionRepository sessions, Marks marks, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.marks = marks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Places a session in a slot and a room (both may be empty: unscheduled). */
    @Transactional
    public Session move(long sessionId, @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Long roomId,
                        String actor) {
        Session s = sessions.findById(sessionId).orElseThrow(() -> DomainException.notFound("session_not_found"));
        if ((startsAt == null) != (endsAt == null) || (startsAt != null && !endsAt.isAfter(startsAt))) {
            throw DomainException.invalid("endsAt", "end_before_start");
        }
        if (Objects.equals(s.startsAt(), startsAt) && Objects.equals(s.endsAt(), endsAt)
                && Objects.equals(s.roomId(), roomId)) {
            return s;
        }
        Session moved = sessions.update(new Session(s.id(), s.eventId(), s.title(), s.description(), s.kind(),
                startsAt, endsAt, roomId, s.chairPersonId(), s.membersOnly(), s.capacity(), s.expectedAudience(),
                s.languages(), s.createdAt(), clock.instant(), s.version()));
        markMoved(sessionId);
        audit.record(actor, "session.moved", "session", sessionId, startsAt + " " + roomId);
        return moved;
    }

    /** Cancels a session: it stays in feeds marked cancelled for a while, then goes. Idempotent. */
    @Transactional
    public void cancel(long sessionId, String actor) {
        sessions.findById(sessionId).orElseThrow(() -> DomainException.notFound("session_not_found"));
        if (marks.cancel(sessionId, clock.instant()) > 0) {
            audit.record(actor, "session.cancelled", "session", sessionId, null);
        }
    }

    /** Raises the SEQUENCE of a session whose slot or room has just changed. */
    public void markMoved(long sessionId) {
        marks.bump(sessionId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Marks extends GenericRepository<Session, Long> {

        @Query("UPDATE event_session SET sequence = sequence + 1 WHERE id = :id")
        void bump(Long id);

        @Query("""
                UPDATE event_session
                   SET sequence = sequence + 1, cancelled_at = :now, updated_at = :now, version = version + 1
                 WHERE id = :id AND cancelled_at IS NULL""")
        long cancel(Long id, Instant now);
    }
}
