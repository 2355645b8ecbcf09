package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.TimetableFacts.RoomFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.SessionFacts;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the facts of an event's timetable (its active sessions, the rooms of its venue, the windows) in a few queries. */
@Singleton
public class TimetableFactsLoader {

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final VenueRepository venues;
    private final PersonRepository persons;
    private final GroupRepository groups;
    private final ScheduleBlockRepository blocks;
    private final Unavailability.PersonUnavailabilityRepository personUnavailability;
    private final Unavailability.RoomUnavailabilityRepository roomUnavailability;
    private final ScheduleConfiguration configuration;
    private final MeetingHolds meetings;

    TimetableFactsLoader(SessionRepository sessions, RoomRepository rooms, VenueRepository venues,
                         PersonRepository persons, GroupRepository groups, ScheduleBlockRepository blocks,
                         Unavailability.PersonUnavailabilityRepository personUnavailability,
                         Unavailability.RoomUnavailabilityRepository roomUnavailability, ScheduleConfiguration configuration,
                         MeetingHolds meetings) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.venues = venues;
        this.persons = persons;
        this.groups = groups;
        this.blocks = blocks;
        this.personUnavailability = personUnavailability;
        this.roomUnavailability = roomUnavailability;
        this.configuration = configuration;
        this.meetings = meetings;
    }

    public TimetableFacts load(Event event) {
        List<Session> list = sessions.findByEventInOrder(event.id()).stream().filter(s -> !s.isCancelled()).toList();
        return load(event, list);
    }

    /** The facts of these sessions of the event (cancelled ones left out by the caller). */
    public TimetableFacts load(Event event, List<Session> list) {
        Venue venue = event.venueId() == null ? null : venues.findById(event.venueId()).orElse(null);
        List<Room> venueRooms = venue == null ? List.of() : rooms.findByVenueIdOrderByCapacityDesc(venue.id());
        Instant from = Times.paris(event.startsAt()).toLocalDate().atStartOfDay(Times.PARIS).toInstant();
        Instant to = Times.paris(event.endsAt()).toLocalDate().plusDays(1).atStartOfDay(Times.PARIS).toInstant();

        Map<Long, List<Window>> roomOff = new HashMap<>();
        if (!venueRooms.isEmpty()) {
            roomUnavailability.findDuring(venueRooms.stream().map(Room::id).toList(), from, to)
                    .forEach(u -> roomOff.computeIfAbsent(u.roomId(), k -> new ArrayList<>()).add(u.window()));
            meetings.roomsHeld(venueRooms.stream().map(Room::id).toList(), event.id(), from, to)
                    .forEach(h -> roomOff.computeIfAbsent(h.holderId(), k -> new ArrayList<>()).add(h.window()));
        }
        Map<Long, RoomFacts> roomFacts = new LinkedHashMap<>();
        for (Room r : venueRooms) {
            roomFacts.put(r.id(), new RoomFacts(r.id(), r.name(), r.capacity(), r.interpretationBooths(), r.videoLink(),
                    roomOff.getOrDefault(r.id(), List.of())));
        }

        List<Long> ids = list.stream().map(Session::id).toList();
        Map<Long, Set<Long>> people = new HashMap<>();
        Map<Long, Set<String>> themes = new HashMap<>();
        Set<Long> personIds = new LinkedHashSet<>();
        if (!ids.isEmpty()) {
            for (SessionSpeaker sp : sessions.findSpeakers(ids)) {
                people.computeIfAbsent(sp.sessionId(), k -> new LinkedHashSet<>()).add(sp.personId());
                personIds.add(sp.personId());
            }
            List<SessionGroup> groupRows = sessions.findGroups(ids);
            Map<Long, Group> groupsById = new HashMap<>();
            groups.findByIdIn(groupRows.stream().map(SessionGroup::groupId).distinct().toList())
                    .forEach(g -> groupsById.put(g.id(), g));
            for (SessionGroup row : groupRows) {
                themes.computeIfAbsent(row.sessionId(), k -> new LinkedHashSet<>())
                        .addAll(themeKeys(groupsById.get(row.groupId())));
            }
        }
        for (Session s : list) {
            if (s.chairPersonId() != null) {
                people.computeIfAbsent(s.id(), k -> new LinkedHashSet<>()).add(s.chairPersonId());
                personIds.add(s.chairPersonId());
            }
        }
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<Window>> personOff = new HashMap<>();
        Map<Long, List<Window>> personInMeeting = new HashMap<>();
        if (!personIds.isEmpty()) {
            for (Person p : persons.findByIdIn(personIds)) {
                names.put(p.id(), p.firstName() + " " + p.lastName());
            }
            personUnavailability.findDuring(personIds, from, to)
                    .forEach(u -> personOff.computeIfAbsent(u.personId(), k -> new ArrayList<>()).add(u.window()));
            meetings.chairsHeld(personIds, event.id(), from, to)
                    .forEach(h -> personInMeeting.computeIfAbsent(h.holderId(), k -> new ArrayList<>()).add(h.window()));
        }
        Map<Long, SessionShape> shapes = new HashMap<>();
        sessions.findShapes(event.id()).forEach(sh -> shapes.put(sh.sessionId(), sh));
        Map<Long, Integer> demand = new HashMap<>();
        sessions.findDemand(event.id()).forEach(d -> demand.put(d.sessionId(), d.total()));
        List<SessionFacts> facts = list.stream().map(s -> new SessionFacts(s.id(), s.title(), s.kind(),
                s.isScheduled() ? new Window(s.startsAt(), s.endsAt()) : null, s.roomId(),
                people.getOrDefault(s.id(), Set.of()), themes.getOrDefault(s.id(), Set.of()),
                audience(s, demand.getOrDefault(s.id(), 0)), s.requiresInterpretation(),
                s.requiresVideoLink(), s.minutes())).toList();

        List<Window> briefing = new ArrayList<>();
        List<Window> plenary = new ArrayList<>();
        for (ScheduleBlock b : blocks.findByEventIdOrderByStartsAt(event.id())) {
            (b.kind() == ScheduleBlock.Kind.BRIEFING ? briefing : plenary).add(b.window());
        }
        return new TimetableFacts(Times.paris(event.startsAt()).toLocalDate(), Times.paris(event.endsAt()).toLocalDate(),
                venue == null ? null : venue.openingTime(), venue == null ? null : venue.closingTime(), briefing, plenary,
                roomFacts, names, personOff, configuration.getPauseBetweenRooms(), facts, personInMeeting, shapes);
    }

    /**
     * The people a room must hold: what staff expect, or more when registrations (seats held plus the
     * waiting list, who would come if there were room) already say so; but never more than the session's own
     * capacity when staff set one (a B2B slot of 60 tables seats 60 however long its waiting list).
     */
    public static int audience(Session s, int registered) {
        int wanted = Math.max(s.expectedAudience() == null ? 0 : s.expectedAudience(), registered);
        return s.capacity() == null ? wanted : Math.min(wanted, Math.max(s.capacity(),
                s.expectedAudience() == null ? 0 : s.expectedAudience()));
    }

    /** A country group shares its pole with the others of that pole; a thematic group is its own theme. */
    static Set<String> themeKeys(Group g) {
        if (g == null) {
            return Set.of();
        }
        if (g.kind() == GroupKind.COUNTRY && g.pole() != null) {
            return Set.of("pole:" + g.pole().name(), "group:" + g.id());
        }
        return Set.of("group:" + g.id());
    }
}
