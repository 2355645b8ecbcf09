package fr.cuf.rencontres.event;

import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Slugs;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Creates and changes events; the rules of a coherent event live here. */
@Singleton
public class EventService {

    private final EventRepository events;
    private final VenueRepository venues;
    private final GroupRepository groups;
    private final MeetingConflicts conflicts;
    private final AuditLog audit;
    private final Clock clock;

    EventService(EventRepository events, VenueRepository venues, GroupRepository groups, MeetingConflicts conflicts,
                 AuditLog audit, Clock clock) {
        this.events = events;
        this.venues = venues;
        this.groups = groups;
        this.conflicts = conflicts;
        this.audit = audit;
        this.clock = clock;
    }

    public Event get(long id) {
        return events.findById(id).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    /** An event the public may see: drafts are as absent as unknown slugs. */
    public Event publicBySlug(String slug) {
        return events.findBySlug(slug).filter(e -> e.status().isPublic())
                .orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    public Event bySlug(String slug) {
        return events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    /** Creates an event, accepting the chair's conflicts (loaders and imports); room conflicts still refuse. */
    @Transactional
    public Event create(EventForm form, String actor) {
        return create(form, true, actor);
    }

    /**
     * Creates an event; a room already taken or closed refuses it, and so do the chair's other commitments
     * unless {@code confirmed} (see {@link MeetingConflicts}).
     */
    @Transactional
    public Event create(EventForm form, boolean confirmed, String actor) {
        Valid v = validate(form, null);
        Instant now = clock.instant();
        Event candidate = v.toEvent(null, now, now, null, null);
        conflicts.check(candidate, confirmed);
        Event saved = events.save(candidate);
        audit.record(actor, "event.created", "event", saved.id(), saved.slug());
        return saved;
    }

    /** Changes an event, accepting the chair's conflicts (loaders and imports); room conflicts still refuse. */
    @Transactional
    public Event update(long id, EventForm form, String actor) {
        return update(id, form, true, actor);
    }

    /** Changes an event with the checks of {@link #create(EventForm, boolean, String)}. */
    @Transactional
    public Event update(long id, EventForm form, boolean confirmed, String actor) {
        Event current = get(id);
        Valid v = validate(form, id);
        Event candidate = v.toEvent(id, current.createdAt(), clock.instant(), current.version(),
                v.status() == EventStatus.CANCELLED ? current.cancellationReason() : null);
        // a change of title or text does not ask again about conflicts staff already saw
        if (movedOrCancelled(current, candidate)) {
            conflicts.check(candidate, confirmed);
        }
        Event saved = events.update(candidate);
        if (movedOrCancelled(current, saved)) {
            events.markCalendarChange(id, clock.instant());
        }
        audit.record(actor, "event.updated", "event", id, saved.slug() + " " + saved.status());
        return saved;
    }

    /** A change of time, place or status: calendar feeds must raise the event's SEQUENCE. */
    private static boolean movedOrCancelled(Event before, Event after) {
        return !before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt())
                || before.format() != after.format() || !Objects.equals(before.venueId(), after.venueId())
                || !Objects.equals(before.roomId(), after.roomId())
                || !Objects.equals(before.locationNote(), after.locationNote()) || before.status() != after.status();
    }

    private Valid validate(EventForm f, Long id) {
        String title = strip(f.title());
        String slug = strip(f.slug()) != null ? strip(f.slug()) : title == null ? null : Slugs.of(title);
        Instant start = Times.fromParis(f.startsAt());
        Instant end = Times.fromParis(f.endsAt());
        Instant opens = Times.fromParis(f.registrationOpensAt());
        Instant closes = Times.fromParis(f.registrationClosesAt());
        EventStatus status = f.status() == null ? EventStatus.DRAFT : f.status();
        String link = strip(f.onlineLink());
        Validator v = new Validator()
                .required("title", title).maxLength("title", title, 300)
                .required("kind", f.kind())
                .required("format", f.format())
                .required("startsAt", start)
                .required("endsAt", end)
                .slug("slug", slug)
                .positive("capacity", f.capacity())
                .check("onlineLink", link, EventService::isWebLink, "invalid_link");
        if (start != null && end != null && !end.isAfter(start)) {
            v.add(Problem.field("endsAt", "end_before_start"));
        }
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            v.add(Problem.field("registrationClosesAt", "closing_before_opening"));
        }
        if (f.format() != null && f.format().needsPlace() && f.venueId() == null && strip(f.locationNote()) == null) {
            v.add(Problem.field("venueId", "place_required"));
        }
        if (f.format() != null && f.format().needsLink() && link == null && status == EventStatus.PUBLISHED) {
            v.add(Problem.field("onlineLink", "online_link_required"));
        }
        if (f.kind() == EventKind.GROUP_MEETING && f.groupId() == null) {
            v.add(Problem.field("groupId", "group_required"));
        }
        if (f.venueId() != null && venues.findById(f.venueId()).isEmpty()) {
            v.add(Problem.field("venueId", "venue_not_found"));
        }
        if (f.groupId() != null && groups.findById(f.groupId()).isEmpty()) {
            v.add(Problem.field("groupId", "group_not_found"));
        }
        Long room = conflicts.roomFor(f.format(), f.venueId(), f.roomId(), v);
        v.throwIfInvalid();
        events.findBySlug(slug).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw DomainException.conflict("slug", "slug_taken");
        });
        return new Valid(f, title, slug, start, end, opens, closes, status, link, room);
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Valid(EventForm f, String title, String slug, Instant start, Instant end,
                         Instant opens, Instant closes, EventStatus status, String link, Long room) {
        Event toEvent(Long id, Instant created, Instant updated, Long version, String cancellationReason) {
            return new Event(id, slug, f.kind(), title, strip(f.summary()), strip(f.series()), start, end, f.format(),
                    f.venueId(), strip(f.locationNote()), link, Boolean.TRUE.equals(f.membersOnly()), f.groupId(),
                    f.capacity(), opens, closes, status, created, updated, version, room, cancellationReason);
        }
    }
}
