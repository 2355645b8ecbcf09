package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes an event's programme as version 1, 2, …: refused while hard conflicts remain (each is named),
 * otherwise a snapshot of every session, the changelog against the previous version, and a notification
 * to send to each registrant who chose a session that moved, changed room or was cancelled.
 */
@Singleton
public class ProgrammePublisher {

    private final ProgrammeVersionRepository versions;
    private final ProgrammeChangeRepository changes;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final TimetableService timetables;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<ProgrammePublished> eventsOut;

    ProgrammePublisher(ProgrammeVersionRepository versions, ProgrammeChangeRepository changes,
                       SessionRepository sessions, RoomRepository rooms, TimetableService timetables, AuditLog audit,
                       Clock clock, ApplicationEventPublisher<ProgrammePublished> eventsOut) {
        this.eventsOut = eventsOut;
        this.versions = versions;
        this.changes = changes;
        this.sessions = sessions;
        this.rooms = rooms;
        this.timetables = timetables;
        this.audit = audit;
        this.clock = clock;
    }

    public record Published(ProgrammeVersion version, List<ProgrammeChange> changes, long notifications) {
    }

    /** A line of the preview: a change and how many registrants chose the session it concerns. */
    public record PreviewLine(ProgrammeChange change, long registrants) {
    }

    /**
     * What publishing now would do: the first version (every placed session), or the changes against the
     * latest one; the blocking conflicts that refuse it; and whether there is anything to publish at all.
     */
    public record Preview(@Nullable ProgrammeVersion previous, List<PreviewLine> lines, List<Conflict> blocking,
                          int sessions, boolean unchanged) {

        public boolean first() {
            return previous == null;
        }

        public boolean publishable() {
            return blocking.isEmpty() && !unchanged;
        }

        public long registrantsTouched() {
            return lines.stream().filter(l -> l.change().changeKind().affectsAttendees())
                    .mapToLong(PreviewLine::registrants).sum();
        }
    }

    /** Reads what {@link #publish} would do, writing nothing. */
    public Preview preview(Event event) {
        List<Conflict> hard = timetables.conflicts(event).stream().filter(Conflict::hard).toList();
        ProgrammeVersion previous = versions.findFirstByEventIdOrderByNumberDesc(event.id()).orElse(null);
        List<VersionedSession> draft = draft(event.id(), null);
        List<VersionedSession> before = previous == null ? List.of() : versions.findSessions(previous.id());
        List<ProgrammeChange> log = changelog(null, before, draft);
        Map<Long, Long> chosen = versions.findChoosers(event.id()).stream()
                .collect(Collectors.groupingBy(ProgrammeVersionRepository.Chooser::sessionId, Collectors.counting()));
        List<PreviewLine> lines = log.stream().map(c -> new PreviewLine(c, chosen.getOrDefault(c.sessionId(), 0L))).toList();
        int placed = (int) draft.stream().filter(v -> v.isScheduled() && v.status() != SessionStatus.CANCELLED).count();
        return new Preview(previous, lines, hard, placed, previous != null && same(before, draft));
    }

    @Transactional
    public Published publish(Event event, String actor) {
        versions.lockEvent(event.id());
        List<Conflict> hard = timetables.conflicts(event).stream().filter(Conflict::hard).toList();
        if (!hard.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, hard.stream()
                    .map(c -> new Problem("unpublishable_conflict", null, List.of(c.code(), c.sessionIds().toString())))
                    .toList());
        }
        ProgrammeVersion previous = versions.findFirstByEventIdOrderByNumberDesc(event.id()).orElse(null);
        List<VersionedSession> before = previous == null ? List.of() : versions.findSessions(previous.id());
        if (previous != null && same(before, draft(event.id(), null))) {
            // an empty version would hide the last real changelog on the public page
            throw DomainException.conflict("nothing_to_publish");
        }
        Instant now = clock.instant();
        ProgrammeVersion version = versions.save(new ProgrammeVersion(null, event.id(),
                previous == null ? 1 : previous.number() + 1, now, actor));
        for (VersionedSession v : draft(event.id(), version.id())) {
            versions.addSession(version.id(), v.sessionId(), v.title(), v.description(), v.kind().name(), v.startsAt(),
                    v.endsAt(), v.roomId(), v.roomName(), v.chairPersonId(), v.membersOnly(), v.capacity(),
                    v.expectedAudience(), v.languages(), v.status().name(), v.createdAt(), v.updatedAt());
        }
        List<ProgrammeChange> log = previous == null ? List.of()
                : changelog(version.id(), before, versions.findSessions(version.id()));
        List<ProgrammeChange> saved = new ArrayList<>();
        log.forEach(c -> saved.add(changes.save(c)));
        long notified = notify(event.id(), version.id(), saved, now);
        audit.record(actor, "programme.published", "event", event.id(),
                "version " + version.number() + ", " + saved.size() + " changes, " + notified + " notifications");
        // queued in this transaction, whether mail is sent or not: sending is the outbox's business
        eventsOut.publishEvent(new ProgrammePublished(event.id(), version.id(), notified));
        return new Published(version, saved, notified);
    }

    /** The programme as it would be frozen now. */
    private List<VersionedSession> draft(long eventId, @Nullable Long versionId) {
        List<Session> current = sessions.findByEventInOrder(eventId);
        List<Long> roomIds = current.stream().map(Session::roomId).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> roomNames = roomIds.isEmpty() ? Map.of()
                : rooms.findByIdIn(roomIds).stream().collect(Collectors.toMap(Room::id, Room::name));
        return current.stream().map(s -> VersionedSession.of(versionId, s,
                s.roomId() == null ? null : roomNames.get(s.roomId()))).toList();
    }

    /**
     * Same placed sessions with the same published fields (the version they belong to aside). Sessions off the
     * grid are not on the public programme, so creating or editing one is not something to publish.
     */
    static boolean same(List<VersionedSession> before, List<VersionedSession> after) {
        Map<Long, VersionedSession> a = before.stream().filter(VersionedSession::isScheduled)
                .collect(Collectors.toMap(VersionedSession::sessionId, VersionedSession::published));
        Map<Long, VersionedSession> b = after.stream().filter(VersionedSession::isScheduled)
                .collect(Collectors.toMap(VersionedSession::sessionId, VersionedSession::published));
        return a.equals(b);
    }

    static List<ProgrammeChange> changelog(@Nullable Long versionId, List<VersionedSession> before, List<VersionedSession> after) {
        Map<Long, VersionedSession> old = before.stream().collect(Collectors.toMap(VersionedSession::sessionId,
                Function.identity()));
        List<ProgrammeChange> log = new ArrayList<>();
        for (VersionedSession now : after) {
            VersionedSession was = old.remove(now.sessionId());
            ProgrammeChange.Kind kind = kind(was, now);
            if (kind != null) {
                log.add(new ProgrammeChange(null, versionId, now.sessionId(), kind, now.title(),
                        was == null ? null : was.startsAt(), was == null ? null : was.endsAt(),
                        was == null ? null : was.roomName(), now.startsAt(), now.endsAt(), now.roomName()));
            }
        }
        for (VersionedSession gone : old.values()) {
            log.add(new ProgrammeChange(null, versionId, gone.sessionId(), ProgrammeChange.Kind.REMOVED, gone.title(),
                    gone.startsAt(), gone.endsAt(), gone.roomName(), null, null, null));
        }
        return log;
    }

    private static ProgrammeChange.Kind kind(VersionedSession was, VersionedSession now) {
        boolean cancelled = now.status() == SessionStatus.CANCELLED;
        if (was == null) {
            return cancelled || !now.isScheduled() ? null : ProgrammeChange.Kind.ADDED;
        }
        if (cancelled) {
            // a session the public never saw on the programme is not "cancelled" for anyone
            return was.status() == SessionStatus.CANCELLED || !was.isScheduled() ? null : ProgrammeChange.Kind.CANCELLED;
        }
        if (!was.isScheduled() || was.status() == SessionStatus.CANCELLED) {
            // first placed (or back from cancelled) since the last version: new to whoever reads the programme
            return now.isScheduled() ? ProgrammeChange.Kind.ADDED : null;
        }
        if (!now.isScheduled()) {
            return ProgrammeChange.Kind.REMOVED;
        }
        if (!Objects.equals(was.startsAt(), now.startsAt()) || !Objects.equals(was.endsAt(), now.endsAt())) {
            return ProgrammeChange.Kind.MOVED;
        }
        return Objects.equals(was.roomId(), now.roomId()) ? null : ProgrammeChange.Kind.REROOMED;
    }

    private long notify(long eventId, long versionId, List<ProgrammeChange> log, Instant now) {
        Map<Long, ProgrammeChange> bySession = new HashMap<>();
        log.stream().filter(c -> c.changeKind().affectsAttendees()).forEach(c -> bySession.put(c.sessionId(), c));
        long n = 0;
        if (bySession.isEmpty()) {
            return 0;
        }
        for (ProgrammeVersionRepository.Chooser c : versions.findChoosers(eventId)) {
            ProgrammeChange change = bySession.get(c.sessionId());
            if (change != null) {
                versions.addNotification(versionId, c.registrationId(), c.personId(), c.sessionId(),
                        change.changeKind().name(), now);
                n++;
            }
        }
        return n;
    }
}
