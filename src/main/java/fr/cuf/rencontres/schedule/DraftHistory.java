package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Going back on the draft timetable: undo the latest change of place, or return to the published version. */
@Singleton
public class DraftHistory {

    private final SessionRepository sessions;
    private final SessionEditor editor;
    private final EventService events;
    private final PlacementUndo undo;
    private final ProgrammeVersionRepository versions;
    private final AuditLog audit;
    private final Clock clock;

    DraftHistory(SessionRepository sessions, SessionEditor editor, EventService events, PlacementUndo undo,
                 ProgrammeVersionRepository versions, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.editor = editor;
        this.events = events;
        this.undo = undo;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The session whose latest change of place {@link #undoLast} would take back, if any. */
    public java.util.Optional<String> undoable(long eventId) {
        return undo.latest(eventId).flatMap(step -> undo.title(step.id()).stream().findFirst());
    }

    /** Puts back the session whose place changed last where it was before; refused when there is nothing to undo. */
    @Transactional
    public Session undoLast(long eventId, String actor) {
        events.get(eventId);
        PlacementUndo.Step step = undo.latest(eventId).orElseThrow(() -> DomainException.conflict("nothing_to_undo"));
        Session s = editor.get(eventId, step.sessionId());
        undo.forget(step.id());
        Session saved = sessions.update(s.placed(step.oldStartsAt(), step.oldEndsAt(), step.oldRoomId(), clock.instant()));
        audit.record(actor, "session.placement_undone", "session", s.id(), s.title());
        return saved;
    }

    /**
     * Sets the draft back to the latest published version: each published session where it was published
     * (and cancelled or not as it was), sessions added since taken off the grid. Undo history is cleared.
     */
    @Transactional
    public int revertToPublished(long eventId, String actor) {
        events.get(eventId);
        ProgrammeVersion version = versions.findFirstByEventIdOrderByNumberDesc(eventId)
                .orElseThrow(() -> DomainException.conflict("nothing_published"));
        java.util.Map<Long, VersionedSession> published = new java.util.HashMap<>();
        versions.findSessions(version.id()).forEach(v -> published.put(v.sessionId(), v));
        Instant now = clock.instant();
        int changed = 0;
        for (Session s : sessions.findByEventInOrder(eventId)) {
            VersionedSession v = published.get(s.id());
            Session back = v == null ? s.placed(null, null, null, now)
                    : s.placed(v.startsAt(), v.endsAt(), v.roomId(), now).withStatus(v.status(), now);
            if (!java.util.Objects.equals(back.startsAt(), s.startsAt()) || !java.util.Objects.equals(back.roomId(), s.roomId())
                    || !java.util.Objects.equals(back.endsAt(), s.endsAt()) || back.status() != s.status()) {
                sessions.update(back);
                changed++;
            }
        }
        undo.forgetAll(eventId);
        audit.record(actor, "programme.reverted", "event", eventId, "to version " + version.number() + ", "
                + changed + " sessions");
        return changed;
    }

}
