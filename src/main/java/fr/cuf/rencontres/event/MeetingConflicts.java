package fr.cuf.rencontres.event;

import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What stands in the way of a meeting at a time and in a room. Two kinds of answers:
 * <ul>
 *   <li>refusals, never overridden: the room is held by another meeting or by a session of an event, or is
 *   marked unavailable (a room cannot host two things, and a saved meeting reaches calendars at once);</li>
 *   <li>warnings that staff confirm: the chair of the meeting's group chairs another meeting at that time,
 *   speaks in or chairs a session then, or is marked unavailable (a vice-chair may stand in).</li>
 * </ul>
 * Cancelled meetings and sessions hold nothing. Reads the tables of sessions and unavailability with its own
 * SQL (the schedule feature owns them and depends on this package, not the other way round).
 */
@Singleton
public class MeetingConflicts {

    /** Problems on this field are warnings: the form shows them beside the "save anyway" box. */
    public static final String CONFIRM_FIELD = "confirmConflicts";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Rows rows;
    private final RoomRepository rooms;
    private final GroupRepository groups;
    private final PersonRepository persons;

    MeetingConflicts(Rows rows, RoomRepository rooms, GroupRepository groups, PersonRepository persons) {
        this.rows = rows;
        this.rooms = rooms;
        this.groups = groups;
        this.persons = persons;
    }

    /** Refusals and warnings of a meeting as it would be saved. */
    public record Found(List<Problem> refusals, List<Problem> warnings) {
        public boolean isEmpty() {
            return refusals.isEmpty() && warnings.isEmpty();
        }

        public List<Problem> all() {
            List<Problem> all = new ArrayList<>(refusals);
            all.addAll(warnings);
            return all;
        }
    }

    /**
     * The room a meeting may keep: none when it is online (moving a meeting online frees its room), else the
     * given one, which must be a room of the meeting's venue.
     */
    @Nullable
    Long roomFor(@Nullable EventFormat format, @Nullable Long venueId, @Nullable Long roomId, Validator v) {
        if (roomId == null || format == EventFormat.ONLINE) {
            return null;
        }
        Optional<Room> room = rooms.findById(roomId);
        if (room.isEmpty() || venueId == null || !room.get().venueId().equals(venueId)) {
            v.add(Problem.field("roomId", "room_not_in_venue"));
        }
        return roomId;
    }

    /**
     * Locks the room (so that two staff booking it at once are checked one after the other), then refuses the
     * meeting if it has refusals, or warnings not {@code confirmed}. Call inside the writing transaction.
     */
    void check(Event meeting, boolean confirmed) {
        if (meeting.roomId() != null) {
            rows.lockRoom(meeting.roomId());
        }
        Found found = find(meeting);
        List<Problem> blocking = new ArrayList<>(found.refusals());
        if (!confirmed) {
            blocking.addAll(found.warnings());
        }
        if (!blocking.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, blocking);
        }
    }

    /** Every conflict of the meeting now (cancelled meetings have none). */
    public Found find(Event meeting) {
        List<Problem> refusals = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        if (meeting.status() == EventStatus.CANCELLED) {
            return new Found(refusals, warnings);
        }
        long self = meeting.id() == null ? -1L : meeting.id();
        Instant from = meeting.startsAt();
        Instant to = meeting.endsAt();
        if (meeting.roomId() != null) {
            String room = rooms.findById(meeting.roomId()).map(Room::name).orElse("?");
            for (Booking b : rows.meetingsInRoom(meeting.roomId(), self, from, to)) {
                refusals.add(Problem.field("roomId", "room_taken_meeting", room, b.title(), when(b)));
            }
            for (Booking b : rows.sessionsInRoom(meeting.roomId(), self, from, to)) {
                refusals.add(Problem.field("roomId", "room_taken_session", room, b.title(), b.context(), when(b)));
            }
            for (Booking b : rows.roomUnavailable(meeting.roomId(), from, to)) {
                refusals.add(Problem.field("roomId", "room_unavailable", room, when(b), reason(b)));
            }
        }
        Long chairId = meeting.groupId() == null ? null
                : groups.findById(meeting.groupId()).map(Group::chairPersonId).orElse(null);
        if (chairId != null) {
            String chair = persons.findById(chairId).map(Person::fullName).orElse("?");
            for (Booking b : rows.meetingsChairedBy(chairId, self, from, to)) {
                warnings.add(Problem.field(CONFIRM_FIELD, "chair_busy_meeting", chair, b.title(), when(b)));
            }
            for (Booking b : rows.sessionsOf(chairId, self, from, to)) {
                warnings.add(Problem.field(CONFIRM_FIELD, "chair_busy_session", chair, b.title(), b.context(), when(b)));
            }
            for (Booking b : rows.personUnavailable(chairId, from, to)) {
                warnings.add(Problem.field(CONFIRM_FIELD, "chair_unavailable", chair, when(b), reason(b)));
            }
        }
        return new Found(refusals, warnings);
    }

    private static String when(Booking b) {
        return DAY_TIME.format(Times.paris(b.startsAt())) + "–" + (Times.paris(b.startsAt()).toLocalDate()
                .equals(Times.paris(b.endsAt()).toLocalDate()) ? TIME : DAY_TIME).format(Times.paris(b.endsAt()));
    }

    private static String reason(Booking b) {
        return b.title() == null || b.title().isBlank() ? "" : " (" + b.title() + ")";
    }

    /** Something holding a room or a person: a meeting, a session (context: its event), an unavailability. */
    @Introspected
    record Booking(@Nullable String title, Instant startsAt, Instant endsAt, @Nullable String context) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Rows extends GenericRepository<Event, Long> {

        @Query("SELECT id FROM room WHERE id = :roomId FOR UPDATE")
        Optional<Long> lockRoom(long roomId);

        @Query("""
                SELECT title, starts_at, ends_at, CAST(NULL AS VARCHAR(1)) AS context FROM event
                 WHERE room_id = :roomId AND status <> 'CANCELLED' AND id <> :self
                   AND starts_at < :endsAt AND ends_at > :startsAt
                 ORDER BY starts_at, id""")
        List<Booking> meetingsInRoom(long roomId, long self, Instant startsAt, Instant endsAt);

        @Query("""
                SELECT s.title, s.starts_at, s.ends_at, e.title AS context
                  FROM event_session s JOIN event e ON e.id = s.event_id
                 WHERE s.room_id = :roomId AND s.status = 'ACTIVE' AND s.cancelled_at IS NULL
                   AND e.status <> 'CANCELLED' AND e.id <> :self
                   AND s.starts_at < :endsAt AND s.ends_at > :startsAt
                 ORDER BY s.starts_at, s.id""")
        List<Booking> sessionsInRoom(long roomId, long self, Instant startsAt, Instant endsAt);

        @Query("""
                SELECT reason AS title, starts_at, ends_at, CAST(NULL AS VARCHAR(1)) AS context FROM room_unavailability
                 WHERE room_id = :roomId AND starts_at < :endsAt AND ends_at > :startsAt
                 ORDER BY starts_at, id""")
        List<Booking> roomUnavailable(long roomId, Instant startsAt, Instant endsAt);

        @Query("""
                SELECT e.title, e.starts_at, e.ends_at, CAST(NULL AS VARCHAR(1)) AS context
                  FROM event e JOIN working_group g ON g.id = e.group_id
                 WHERE g.chair_person_id = :personId AND e.status <> 'CANCELLED' AND e.id <> :self
                   AND e.starts_at < :endsAt AND e.ends_at > :startsAt
                 ORDER BY e.starts_at, e.id""")
        List<Booking> meetingsChairedBy(long personId, long self, Instant startsAt, Instant endsAt);

        @Query("""
                SELECT s.title, s.starts_at, s.ends_at, e.title AS context
                  FROM event_session s JOIN event e ON e.id = s.event_id
                 WHERE s.status = 'ACTIVE' AND s.cancelled_at IS NULL AND e.status <> 'CANCELLED' AND e.id <> :self
                   AND s.starts_at < :endsAt AND s.ends_at > :startsAt
                   AND (s.chair_person_id = :personId
                        OR s.id IN (SELECT sp.session_id FROM session_speaker sp WHERE sp.person_id = :personId))
                 ORDER BY s.starts_at, s.id""")
        List<Booking> sessionsOf(long personId, long self, Instant startsAt, Instant endsAt);

        @Query("""
                SELECT reason AS title, starts_at, ends_at, CAST(NULL AS VARCHAR(1)) AS context FROM person_unavailability
                 WHERE person_id = :personId AND starts_at < :endsAt AND ends_at > :startsAt
                 ORDER BY starts_at, id""")
        List<Booking> personUnavailable(long personId, Instant startsAt, Instant endsAt);
    }
}
