package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.ParticipantOrder;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who came: per day at the entrance, per session and room (people inside now against the capacity),
 * the registrants not arrived yet, and the attendance sheets ("feuilles d'émargement") for funders.
 */
@Singleton
public class Attendance {

    public record DayLine(LocalDate day, String listKey, long checkedIn, long inside) {
    }

    public record SessionLine(long sessionId, String listKey, String title, @Nullable String room,
                              @Nullable Instant startsAt, @Nullable Integer capacity, long signUps, long checkedIn,
                              long inside) {
        /** Occupancy in percent of the capacity (may exceed 100), or -1 without a capacity. */
        public int percent() {
            return capacity == null || capacity == 0 ? -1 : (int) Math.round(100.0 * inside / capacity);
        }
    }

    public record Live(Event event, long registered, List<DayLine> days, List<SessionLine> sessions,
                       List<Attendee> notArrived) {
    }

    public record SheetRow(String lastName, String firstName, @Nullable String organisation,
                           @Nullable String function, String participantType, @Nullable Instant checkedInAt) {
    }

    public record Sheet(Event event, CheckinList list, @Nullable Session session, @Nullable String room,
                        List<SheetRow> rows) {
    }

    private final ScannerKit kit;
    private final ScanLog scans;
    private final CheckinRepository registrations;
    private final SessionRepository sessions;
    private final RoomRepository rooms;

    Attendance(ScannerKit kit, ScanLog scans, CheckinRepository registrations, SessionRepository sessions,
               RoomRepository rooms) {
        this.kit = kit;
        this.scans = scans;
        this.registrations = registrations;
        this.sessions = sessions;
        this.rooms = rooms;
    }

    public Live live(String eventSlug) {
        Event event = kit.event(eventSlug);
        Map<String, Long> checkedIn = counts(scans.countCheckedIn(event.id()));
        Map<String, Long> inside = counts(scans.countInside(event.id()));
        List<Attendee> roster = registrations.findRoster(event.id()).stream().filter(Attendance::holdsSeat).toList();
        List<DayLine> days = new ArrayList<>();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        for (LocalDate day = Times.paris(event.startsAt()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            String key = CheckinList.entrance(day).key();
            days.add(new DayLine(day, key, checkedIn.getOrDefault(key, 0L), inside.getOrDefault(key, 0L)));
        }
        List<Session> all = sessions.findByEventInOrder(event.id());
        Map<Long, Room> roomsById = roomsOf(all);
        Map<Long, Long> signUps = registrations.findSignUps(event.id()).stream()
                .collect(Collectors.groupingBy(CheckinRepository.SignUp::sessionId, Collectors.counting()));
        List<SessionLine> lines = all.stream().map(session -> {
            String key = CheckinList.session(session.id()).key();
            Room room = session.roomId() == null ? null : roomsById.get(session.roomId());
            Integer capacity = session.capacity() != null ? session.capacity() : room == null ? null : room.capacity();
            return new SessionLine(session.id(), key, session.title(), room == null ? null : room.name(),
                    session.startsAt(), capacity, signUps.getOrDefault(session.id(), 0L),
                    checkedIn.getOrDefault(key, 0L), inside.getOrDefault(key, 0L));
        }).toList();
        Set<Long> arrived = new HashSet<>(scans.findArrived(event.id()));
        List<Attendee> notArrived = roster.stream().filter(a -> !arrived.contains(a.registrationId()))
                .sorted(ParticipantOrder.byName(Attendee::lastName, Attendee::firstName)).toList();
        return new Live(event, roster.size(), days, lines, notArrived);
    }

    /**
     * The sheet of a list, in the order of the participant list: for an entrance, every registrant
     * holding a seat; for a session, those who signed up and anyone who was let in.
     */
    public Sheet sheet(String eventSlug, String listKey) {
        Event event = kit.event(eventSlug);
        CheckinList list = CheckinList.parse(listKey);
        Session session = null;
        String roomName = null;
        if (list.kind() == CheckinList.Kind.SESSION) {
            session = sessions.findById(list.sessionId()).filter(s -> s.eventId().equals(event.id()))
                    .orElseThrow(() -> DomainException.notFound("session_not_found"));
            roomName = session.roomId() == null ? null : rooms.findById(session.roomId()).map(Room::name).orElse(null);
        }
        Map<Long, Instant> entries = scans.findEntries(event.id(), list.key()).stream()
                .collect(Collectors.toMap(ScanLog.Entry::registrationId, ScanLog.Entry::firstEntry));
        Long sessionId = list.sessionId();
        Set<Long> signedUp = sessionId == null ? Set.of() : registrations.findSignUps(event.id()).stream()
                .filter(s -> s.sessionId() == sessionId).map(CheckinRepository.SignUp::registrationId)
                .collect(Collectors.toSet());
        List<SheetRow> rows = registrations.findRoster(event.id()).stream()
                .filter(a -> entries.containsKey(a.registrationId()) || (holdsSeat(a)
                        && (sessionId == null || signedUp.contains(a.registrationId()))))
                .sorted(ParticipantOrder.byName(Attendee::lastName, Attendee::firstName))
                .map(a -> new SheetRow(a.lastName(), a.firstName(), a.organisationName(), a.functionTitle(),
                        a.participantType(), entries.get(a.registrationId())))
                .toList();
        return new Sheet(event, list, session, roomName, rows);
    }

    private Map<Long, Room> roomsOf(List<Session> all) {
        List<Long> ids = all.stream().map(Session::roomId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : rooms.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Room::id, Function.identity()));
    }

    private static Map<String, Long> counts(List<ScanLog.ListCount> counts) {
        return counts.stream().collect(Collectors.toMap(ScanLog.ListCount::listKey, ScanLog.ListCount::total));
    }

    private static boolean holdsSeat(Attendee a) {
        return RegistrationStatus.valueOf(a.status()).holdsSeat();
    }
}
