package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Staff edit the programme here: create and edit sessions, place, move, resize, unschedule, cancel.
 * The slot must make sense (a room of the event's venue, inside the event's days, on the 15-minute grid);
 * conflicts with other sessions are NOT refused: work in progress may hold warnings.
 */
@Singleton
public class SessionEditor {

    public static final int STEP_MINUTES = 15;

    private final SessionRepository sessions;
    private final EventService events;
    private final RoomRepository rooms;
    private final PersonRepository persons;
    private final GroupRepository groups;
    private final AuditLog audit;
    private final Clock clock;
    private final PlacementUndo undo;

    SessionEditor(SessionRepository sessions, EventService events, RoomRepository rooms, PersonRepository persons,
                  GroupRepository groups, AuditLog audit, Clock clock, PlacementUndo undo) {
        this.undo = undo;
        this.sessions = sessions;
        this.events = events;
        this.rooms = rooms;
        this.persons = persons;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    public Session get(long eventId, long sessionId) {
        return sessions.findById(sessionId).filter(s -> s.eventId().equals(eventId))
                .orElseThrow(() -> DomainException.notFound("session_not_found"));
    }

    @Transactional
    public Session create(long eventId, SessionForm form, String actor) {
        return create(eventId, form, null, List.of(), actor);
    }

    /**
     * Creates a session and, when {@code slot} is given, places it: nothing is written unless both are valid.
     * {@code unreadable}: what the caller could not read from its form, refused with this method's own findings.
     */
    @Transactional
    public Session create(long eventId, SessionForm form, @Nullable PlaceCommand slot, List<Problem> unreadable,
                          String actor) {
        Event event = events.get(eventId);
        Validator v = problems(form);
        unreadable.forEach(v::add);
        Room room = slot == null ? null : checkSlot(event, slot, v);
        v.throwIfInvalid();
        Instant now = clock.instant();
        Session saved = sessions.save(new Session(null, eventId, form.title().strip(), strip(form.description()),
                form.kind(), null, null, null, form.chairPersonId(), yes(form.membersOnly()), form.capacity(),
                form.expectedAudience(), languages(form), now, now, null, yes(form.requiresInterpretation()),
                yes(form.requiresVideoLink()), form.plannedMinutes() == null && slot != null ? slot.minutes()
                : form.plannedMinutes(), SessionStatus.ACTIVE));
        writePeople(saved.id(), form);
        audit.record(actor, "session.created", "session", saved.id(), saved.title());
        return slot == null ? saved : move(saved, slot, room, actor);
    }

    @Transactional
    public Session update(long eventId, long sessionId, SessionForm form, String actor) {
        Session s = get(eventId, sessionId);
        Validator v = problems(form);
        v.throwIfInvalid();
        return save(s, form, actor);
    }

    /**
     * Edits a session and its place: {@code slot} null takes it off the grid, a slot places or moves it.
     * Nothing is written unless the description and the slot are both valid.
     */
    @Transactional
    public Session update(long eventId, long sessionId, SessionForm form, @Nullable PlaceCommand slot,
                          List<Problem> unreadable, String actor) {
        Event event = events.get(eventId);
        Session s = get(eventId, sessionId);
        Validator v = problems(form);
        unreadable.forEach(v::add);
        Room room = slot == null ? null : checkSlot(event, slot, v);
        if (slot != null && s.isCancelled()) {
            v.add(Problem.field("date", "session_cancelled"));
        }
        v.throwIfInvalid();
        Session saved = save(s, form, actor);
        if (slot == null) {
            return saved.isScheduled() ? unschedule(eventId, sessionId, actor) : saved;
        }
        Instant start = Times.fromParis(slot.date().atTime(slot.start()));
        boolean same = start.equals(saved.startsAt()) && start.plusSeconds(60L * slot.minutes()).equals(saved.endsAt())
                && room.id().equals(saved.roomId());
        return same ? saved : move(saved, slot, room, actor);
    }

    private Session save(Session s, SessionForm form, String actor) {
        Session saved = sessions.update(new Session(s.id(), s.eventId(), form.title().strip(), strip(form.description()),
                form.kind(), s.startsAt(), s.endsAt(), s.roomId(), form.chairPersonId(), yes(form.membersOnly()),
                form.capacity(), form.expectedAudience(), languages(form), s.createdAt(), clock.instant(), s.version(),
                yes(form.requiresInterpretation()), yes(form.requiresVideoLink()), form.plannedMinutes(), s.status()));
        writePeople(s.id(), form);
        audit.record(actor, "session.updated", "session", s.id(), saved.title());
        return saved;
    }

    /** Places, moves or resizes a session. */
    @Transactional
    public Session place(long eventId, long sessionId, PlaceCommand command, String actor) {
        Event event = events.get(eventId);
        Session s = get(eventId, sessionId);
        if (s.isCancelled()) {
            throw DomainException.conflict("session_cancelled");
        }
        Validator v = new Validator().required("date", command.date()).required("start", command.start())
                .required("minutes", command.minutes()).required("roomId", command.roomId())
                .positive("minutes", command.minutes());
        v.throwIfInvalid();
        Room room = checkSlot(event, command, v);
        v.throwIfInvalid();
        return move(s, command, room, actor);
    }

    /** The slot's problems go to {@code v}; returns its room when the room belongs to the event's venue. */
    private Room checkSlot(Event event, PlaceCommand command, Validator v) {
        if (command.start().getMinute() % STEP_MINUTES != 0 || command.start().getSecond() != 0) {
            v.add(Problem.field("start", "not_on_grid", STEP_MINUTES));
        }
        if (command.minutes() % STEP_MINUTES != 0) {
            v.add(Problem.field("minutes", "not_on_grid", STEP_MINUTES));
        }
        LocalDate first = Times.paris(event.startsAt()).toLocalDate();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        Instant start = Times.fromParis(command.date().atTime(command.start()));
        Instant end = start.plusSeconds(60L * command.minutes());
        if (command.date().isBefore(first) || command.date().isAfter(last)
                || Times.paris(end).toLocalDate().isAfter(last)) {
            v.add(Problem.field("date", "slot_outside_event", first, last));
        }
        Room room = rooms.findById(command.roomId()).orElse(null);
        if (room == null || !room.venueId().equals(event.venueId())) {
            v.add(Problem.field("roomId", "room_not_in_venue"));
        }
        return room;
    }

    private Session move(Session s, PlaceCommand command, Room room, String actor) {
        Instant start = Times.fromParis(command.date().atTime(command.start()));
        Instant end = start.plusSeconds(60L * command.minutes());
        undo.remember(s.eventId(), s.id(), s.startsAt(), s.endsAt(), s.roomId(), actor, clock.instant());
        Session saved = sessions.update(s.placed(start, end, room.id(), clock.instant()));
        audit.record(actor, s.isScheduled() ? "session.moved" : "session.placed", "session", s.id(),
                Times.paris(start).toLocalDateTime() + " " + command.minutes() + "min " + room.name());
        return saved;
    }

    @Transactional
    public Session unschedule(long eventId, long sessionId, String actor) {
        Session s = get(eventId, sessionId);
        if (s.isScheduled()) {
            undo.remember(eventId, sessionId, s.startsAt(), s.endsAt(), s.roomId(), actor, clock.instant());
        }
        Session saved = sessions.update(s.placed(null, null, null, clock.instant()));
        audit.record(actor, "session.unscheduled", "session", sessionId, s.title());
        return saved;
    }

    /** Cancels a session: it keeps its slot (the changelog shows it as cancelled) but no longer counts. */
    @Transactional
    public Session cancel(long eventId, long sessionId, String reason, String actor) {
        Session s = get(eventId, sessionId);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "required");
        }
        Session saved = sessions.update(s.withStatus(SessionStatus.CANCELLED, clock.instant()));
        audit.record(actor, "session.cancelled", "session", sessionId, reason.strip());
        return saved;
    }

    @Transactional
    public Session restore(long eventId, long sessionId, String actor) {
        Session s = get(eventId, sessionId);
        Session saved = sessions.update(s.withStatus(SessionStatus.ACTIVE, clock.instant()));
        audit.record(actor, "session.restored", "session", sessionId, s.title());
        return saved;
    }

    private Validator problems(SessionForm f) {
        Validator v = new Validator().required("title", strip(f.title())).maxLength("title", strip(f.title()), 300)
                .required("kind", f.kind())
                .positive("capacity", f.capacity())
                .positive("expectedAudience", f.expectedAudience())
                .positive("plannedMinutes", f.plannedMinutes())
                .maxLength("languages", f.languages(), 60)
                .maxLength("series", strip(f.series()), 100)
                .positive("seriesOrder", f.seriesOrder());
        if (strip(f.series()) != null && f.seriesOrder() == null) {
            v.add(Problem.field("seriesOrder", "required"));
        }
        if (f.plannedMinutes() != null && f.plannedMinutes() % STEP_MINUTES != 0) {
            v.add(Problem.field("plannedMinutes", "not_on_grid", STEP_MINUTES));
        }
        if (f.chairPersonId() != null && persons.findById(f.chairPersonId()).isEmpty()) {
            v.add(Problem.field("chairPersonId", "person_not_found"));
        }
        List<Long> speakers = f.speakerIds() == null ? List.of() : f.speakerIds();
        if (!speakers.isEmpty() && persons.findByIdIn(speakers).size() != new LinkedHashSet<>(speakers).size()) {
            v.add(Problem.field("speakerIds", "person_not_found"));
        }
        List<Long> groupIds = f.groupIds() == null ? List.of() : f.groupIds();
        if (!groupIds.isEmpty() && groups.findByIdIn(groupIds).size() != new LinkedHashSet<>(groupIds).size()) {
            v.add(Problem.field("groupIds", "group_not_found"));
        }
        return v;
    }

    private void writePeople(long sessionId, SessionForm f) {
        sessions.clearSpeakers(sessionId);
        int position = 0;
        for (Long id : new LinkedHashSet<>(f.speakerIds() == null ? List.<Long>of() : f.speakerIds())) {
            sessions.addSpeaker(sessionId, id, position++);
        }
        sessions.clearGroups(sessionId);
        for (Long id : new LinkedHashSet<>(f.groupIds() == null ? List.<Long>of() : f.groupIds())) {
            sessions.addGroup(sessionId, id);
        }
        sessions.clearShape(sessionId);
        String series = strip(f.series());
        if (series != null || yes(f.besidePlenary())) {
            sessions.addShape(sessionId, series, series == null ? null : f.seriesOrder(), yes(f.besidePlenary()));
        }
    }

    private static String languages(SessionForm f) {
        String l = strip(f.languages());
        return l == null ? "fr" : l.replace(" ", "");
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
