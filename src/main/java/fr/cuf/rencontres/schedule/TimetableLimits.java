package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The limits a timetable must keep (not its rules: those are the solver constraints, see
 * {@code solver.TimetableConstraintProvider}): the fixed windows and the unavailability they read, briefing blocks
 * and plenary slots of an event, when a person or a room of its venue cannot be used. What the
 * constraints page lists; staff add and delete them through {@link BlockChanges},
 * {@link PersonUnavailabilityChanges} and {@link RoomUnavailabilityChanges}.
 */
@Singleton
public class TimetableLimits {

    private final ScheduleBlockRepository blocks;
    private final Unavailability.RoomUnavailabilityRepository roomOff;
    private final Rows rows;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final PersonRepository persons;

    TimetableLimits(ScheduleBlockRepository blocks, Unavailability.RoomUnavailabilityRepository roomOff, Rows rows,
                    SessionRepository sessions, RoomRepository rooms, PersonRepository persons) {
        this.blocks = blocks;
        this.roomOff = roomOff;
        this.rows = rows;
        this.sessions = sessions;
        this.rooms = rooms;
        this.persons = persons;
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
        Instant from = LimitWindows.first(event);
        Instant to = LimitWindows.end(event);
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

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Rows extends GenericRepository<Unavailability.OfPerson, Long> {

        @Query("SELECT * FROM person_unavailability WHERE ends_at > :from AND starts_at < :to ORDER BY starts_at, id")
        List<Unavailability.OfPerson> personOffDuring(Instant from, Instant to);
    }
}
