package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed windows and the unavailability that the timetable's conflicts and the solver read: briefing blocks
 * and plenary slots of an event, when a person or a room of its venue cannot be used. Staff add and delete
 * them here; every window must lie within the event's days (Paris time) and end after it starts.
 */
@Singleton
public class TimetableConstraints {

    static final int REASON_MAX = 300;

    private final EventService events;
    private final ScheduleBlockRepository blocks;
    private final Unavailability.PersonUnavailabilityRepository personOff;
    private final Unavailability.RoomUnavailabilityRepository roomOff;
    private final Rows rows;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final PersonRepository persons;
    private final AuditLog audit;
    private final Clock clock;

    TimetableConstraints(EventService events, ScheduleBlockRepository blocks, Unavailability.PersonUnavailabilityRepository personOff,
                         Unavailability.RoomUnavailabilityRepository roomOff, Rows rows, SessionRepository sessions,
                         RoomRepository rooms, PersonRepository persons, AuditLog audit, Clock clock) {
        this.events = events;
        this.blocks = blocks;
        this.personOff = personOff;
        this.roomOff = roomOff;
        this.rows = rows;
        this.sessions = sessions;
        this.rooms = rooms;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** A block to add: a day of the event and Paris times. */
    public record BlockCommand(@Nullable ScheduleBlock.Kind kind, @Nullable LocalDate day, @Nullable LocalTime start,
                               @Nullable LocalTime end) {
    }

    /** An unavailability to add, of a person or a room (Paris local times). */
    public record OffCommand(@Nullable Long whoId, @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt,
                             @Nullable String reason) {
    }

    public record PersonOff(Unavailability.OfPerson row, @Nullable Person person) {
    }

    public record RoomOff(Unavailability.OfRoom row, @Nullable Room room) {
    }

    /** What the page lists, and what its selects offer (the venue's rooms, the people of the sessions). */
    public record Overview(Event event, LocalDate firstDay, LocalDate lastDay, List<ScheduleBlock> blocks,
                           List<PersonOff> people, List<RoomOff> roomsOff, List<Room> rooms, List<Person> persons) {
    }

    public Overview of(Event event) {
        Instant from = first(event);
        Instant to = end(event);
        List<Room> venueRooms = event.venueId() == null ? List.of()
                : rooms.findByVenueIdOrderByCapacityDesc(event.venueId());
        List<Unavailability.OfPerson> personRows = rows.personOffDuring(from, to);
        Set<Long> personIds = new LinkedHashSet<>();
        personRows.forEach(r -> personIds.add(r.personId()));
        List<Session> list = sessions.findByEventInOrder(event.id());
        Set<Long> sessionPeople = new LinkedHashSet<>();
        list.stream().map(Session::chairPersonId).filter(java.util.Objects::nonNull).forEach(sessionPeople::add);
        if (!list.isEmpty()) {
            sessions.findSpeakers(list.stream().map(Session::id).toList()).forEach(sp -> sessionPeople.add(sp.personId()));
        }
        personIds.addAll(sessionPeople);
        List<Person> known = personIds.isEmpty() ? List.of() : persons.findByIdIn(personIds);
        List<RoomOff> roomRows = venueRooms.isEmpty() ? List.of()
                : roomOff.findDuring(venueRooms.stream().map(Room::id).toList(), from, to).stream()
                .sorted(Comparator.comparing(Unavailability.OfRoom::startsAt))
                .map(r -> new RoomOff(r, venueRooms.stream().filter(x -> x.id().equals(r.roomId())).findFirst().orElse(null)))
                .toList();
        return new Overview(event, Times.paris(event.startsAt()).toLocalDate(), Times.paris(event.endsAt()).toLocalDate(),
                blocks.findByEventIdOrderByStartsAt(event.id()),
                personRows.stream().map(r -> new PersonOff(r, known.stream().filter(p -> p.id().equals(r.personId()))
                        .findFirst().orElse(null))).toList(),
                roomRows, venueRooms.stream().sorted(Comparator.comparing(Room::name)).toList(),
                known.stream().filter(p -> sessionPeople.contains(p.id()))
                        .sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName)).toList());
    }

    @Transactional
    public ScheduleBlock addBlock(long eventId, BlockCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = new Validator().required("kind", c.kind()).required("day", c.day())
                .required("start", c.start()).required("end", c.end());
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.day().atTime(c.start()));
        Instant end = Times.fromParis(c.day().atTime(c.end()));
        checkWindow(event, start, end, "day", "end", v);
        ScheduleBlock saved = blocks.save(new ScheduleBlock(null, eventId, c.kind(), start, end, clock.instant()));
        audit.record(actor, "schedule_block.created", "event", eventId, c.kind() + " " + c.day() + " " + c.start()
                + "-" + c.end());
        return saved;
    }

    @Transactional
    public Unavailability.OfPerson addPersonUnavailability(long eventId, OffCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = window(c, "personId");
        if (c.whoId() != null && persons.findById(c.whoId()).isEmpty()) {
            v.add(Problem.field("personId", "person_not_found"));
        }
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.startsAt());
        Instant end = Times.fromParis(c.endsAt());
        checkWindow(event, start, end, "startsAt", "endsAt", v);
        Unavailability.OfPerson saved = personOff.save(new Unavailability.OfPerson(null, c.whoId(), start, end,
                strip(c.reason()), clock.instant()));
        audit.record(actor, "person_unavailability.created", "person", c.whoId(), c.startsAt() + "-" + c.endsAt());
        return saved;
    }

    @Transactional
    public Unavailability.OfRoom addRoomUnavailability(long eventId, OffCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = window(c, "roomId");
        if (c.whoId() != null && rooms.findById(c.whoId()).filter(r -> r.venueId().equals(event.venueId())).isEmpty()) {
            v.add(Problem.field("roomId", "room_not_in_venue"));
        }
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.startsAt());
        Instant end = Times.fromParis(c.endsAt());
        checkWindow(event, start, end, "startsAt", "endsAt", v);
        Unavailability.OfRoom saved = roomOff.save(new Unavailability.OfRoom(null, c.whoId(), start, end,
                strip(c.reason()), clock.instant()));
        audit.record(actor, "room_unavailability.created", "room", c.whoId(), c.startsAt() + "-" + c.endsAt());
        return saved;
    }

    @Transactional
    public void deleteBlock(long eventId, long blockId, String actor) {
        ScheduleBlock b = blocks.findById(blockId).filter(x -> x.eventId().equals(eventId))
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        blocks.delete(b);
        audit.record(actor, "schedule_block.deleted", "event", eventId, b.kind() + " " + b.startsAt());
    }

    @Transactional
    public void deletePersonUnavailability(long eventId, long id, String actor) {
        events.get(eventId);
        Unavailability.OfPerson row = personOff.findById(id)
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        personOff.delete(row);
        audit.record(actor, "person_unavailability.deleted", "person", row.personId(), String.valueOf(row.startsAt()));
    }

    @Transactional
    public void deleteRoomUnavailability(long eventId, long id, String actor) {
        Event event = events.get(eventId);
        Unavailability.OfRoom row = roomOff.findById(id)
                .filter(r -> rooms.findById(r.roomId()).map(Room::venueId).filter(v -> v.equals(event.venueId())).isPresent())
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        roomOff.delete(row);
        audit.record(actor, "room_unavailability.deleted", "room", row.roomId(), String.valueOf(row.startsAt()));
    }

    private static Validator window(OffCommand c, String whoField) {
        String reason = strip(c.reason());
        return new Validator().required(whoField, c.whoId()).required("startsAt", c.startsAt())
                .required("endsAt", c.endsAt()).maxLength("reason", reason, REASON_MAX);
    }

    /** End after start, and inside the event's days. */
    private static void checkWindow(Event event, Instant start, Instant end, String dayField, String endField,
                                    Validator v) {
        if (!end.isAfter(start)) {
            v.add(Problem.field(endField, "end_before_start"));
        } else if (start.isBefore(first(event)) || end.isAfter(end(event))) {
            v.add(Problem.field(dayField, "slot_outside_event", Times.paris(event.startsAt()).toLocalDate(),
                    Times.paris(event.endsAt()).toLocalDate()));
        }
        v.throwIfInvalid();
    }

    private static Instant first(Event event) {
        return Times.paris(event.startsAt()).toLocalDate().atStartOfDay(Times.PARIS).toInstant();
    }

    private static Instant end(Event event) {
        return Times.paris(event.endsAt()).toLocalDate().plusDays(1).atStartOfDay(Times.PARIS).toInstant();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Rows extends GenericRepository<Unavailability.OfPerson, Long> {

        @Query("SELECT * FROM person_unavailability WHERE ends_at > :from AND starts_at < :to ORDER BY starts_at, id")
        List<Unavailability.OfPerson> personOffDuring(Instant from, Instant to);
    }
}
