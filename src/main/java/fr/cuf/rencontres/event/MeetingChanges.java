package fr.cuf.rencontres.event;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Moving a meeting (new date, time, room or format) and cancelling it, each with the reason staff give.
 * The meeting keeps its id, so its calendar UID; its SEQUENCE grows so calendar apps take the change.
 * Both are audited, and registrants hear of them (see {@link MeetingChanged}).
 * A conference edition is not moved here: its programme is placed on the timetable grid.
 */
@Singleton
public class MeetingChanges {

    static final int REASON_MAX = 1000;

    private final EventRepository events;
    private final MeetingConflicts conflicts;
    private final ApplicationEventPublisher<MeetingChanged> publisher;
    private final AuditLog audit;
    private final Clock clock;

    MeetingChanges(EventRepository events, MeetingConflicts conflicts,
                   ApplicationEventPublisher<MeetingChanged> publisher, AuditLog audit, Clock clock) {
        this.events = events;
        this.conflicts = conflicts;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Event move(long eventId, MoveCommand c, String actor) {
        Event e = get(eventId);
        if (e.kind() == EventKind.CONFERENCE_EDITION) {
            throw DomainException.conflict("not_a_meeting");
        }
        if (e.status() == EventStatus.CANCELLED) {
            throw DomainException.conflict("meeting_cancelled");
        }
        String reason = strip(c.reason());
        Instant start = Times.fromParis(c.startsAt());
        Instant end = Times.fromParis(c.endsAt());
        Validator v = new Validator().required("startsAt", start).required("endsAt", end)
                .required("format", c.format()).required("reason", reason).maxLength("reason", reason, REASON_MAX);
        if (start != null && end != null && !end.isAfter(start)) {
            v.add(Problem.field("endsAt", "end_before_start"));
        }
        if (c.format() != null && c.format().needsPlace() && e.venueId() == null && e.locationNote() == null) {
            v.add(Problem.field("format", "place_required"));
        }
        if (c.format() != null && c.format().needsLink() && e.onlineLink() == null
                && e.status() == EventStatus.PUBLISHED) {
            v.add(Problem.field("format", "online_link_required"));
        }
        Long room = conflicts.roomFor(c.format(), e.venueId(), c.roomId(), v);
        v.throwIfInvalid();
        if (start.equals(e.startsAt()) && end.equals(e.endsAt()) && c.format() == e.format()
                && Objects.equals(room, e.roomId())) {
            throw DomainException.invalid("startsAt", "move_changes_nothing");
        }
        Event moved = new Event(e.id(), e.slug(), e.kind(), e.title(), e.summary(), e.series(), start, end, c.format(),
                e.venueId(), e.locationNote(), e.onlineLink(), e.membersOnly(), e.groupId(), e.capacity(),
                e.registrationOpensAt(), e.registrationClosesAt(), e.status(), e.createdAt(), clock.instant(),
                e.version(), room, null);
        conflicts.check(moved, c.confirmed());
        Event saved = events.update(moved);
        events.markCalendarChange(eventId, clock.instant());
        audit.record(actor, "event.moved", "event", eventId, describe(e) + " -> " + describe(saved) + " : " + reason);
        publisher.publishEvent(new MeetingChanged(eventId, MeetingChanged.Change.MOVED, reason));
        return saved;
    }

    /** Cancels a meeting; a second cancellation changes nothing (the first reason stays). */
    @Transactional
    public Event cancel(long eventId, String reason, String actor) {
        String why = strip(reason);
        new Validator().required("reason", why).maxLength("reason", why, REASON_MAX).throwIfInvalid();
        Event e = get(eventId);
        if (e.status() == EventStatus.CANCELLED) {
            return e;
        }
        if (e.status() == EventStatus.DRAFT) {
            throw DomainException.conflict("draft_cannot_be_cancelled");
        }
        Event saved = events.update(new Event(e.id(), e.slug(), e.kind(), e.title(), e.summary(), e.series(),
                e.startsAt(), e.endsAt(), e.format(), e.venueId(), e.locationNote(), e.onlineLink(), e.membersOnly(),
                e.groupId(), e.capacity(), e.registrationOpensAt(), e.registrationClosesAt(), EventStatus.CANCELLED,
                e.createdAt(), clock.instant(), e.version(), e.roomId(), why));
        events.markCalendarChange(eventId, clock.instant());
        audit.record(actor, "event.cancelled", "event", eventId, why);
        publisher.publishEvent(new MeetingChanged(eventId, MeetingChanged.Change.CANCELLED, why));
        return saved;
    }

    private Event get(long id) {
        return events.findById(id).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    private static String describe(Event e) {
        return Times.paris(e.startsAt()).toLocalDateTime() + "/" + Times.paris(e.endsAt()).toLocalTime() + " "
                + e.format() + (e.roomId() == null ? "" : " room " + e.roomId());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
