package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads an event's programme with four queries, whatever the number of sessions. */
@Singleton
public class ProgrammeService {

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final PersonRepository persons;
    private final GroupRepository groups;

    ProgrammeService(SessionRepository sessions, RoomRepository rooms, PersonRepository persons,
                     GroupRepository groups) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.persons = persons;
        this.groups = groups;
    }

    public Programme of(long eventId) {
        List<Session> list = sessions.findByEventInOrder(eventId);
        if (list.isEmpty()) {
            return new Programme(List.of(), List.of());
        }
        List<Long> ids = list.stream().map(Session::id).toList();
        List<SessionSpeaker> speakerRows = sessions.findSpeakers(ids);
        List<SessionGroup> groupRows = sessions.findGroups(ids);

        Set<Long> personIds = new HashSet<>();
        list.stream().map(Session::chairPersonId).filter(Objects::nonNull).forEach(personIds::add);
        speakerRows.forEach(r -> personIds.add(r.personId()));
        Map<Long, Person> people = byId(persons.findByIdIn(personIds), Person::id);
        Map<Long, Room> roomsById = byId(rooms.findByIdIn(
                list.stream().map(Session::roomId).filter(Objects::nonNull).distinct().toList()), Room::id);
        Map<Long, Group> groupsById = byId(groups.findByIdIn(
                groupRows.stream().map(SessionGroup::groupId).distinct().toList()), Group::id);

        Map<LocalDate, List<SessionView>> days = new TreeMap<>();
        List<SessionView> unscheduled = new ArrayList<>();
        for (Session s : list) {
            SessionView view = new SessionView(s, roomsById.get(s.roomId()), people.get(s.chairPersonId()),
                    speakerRows.stream().filter(r -> r.sessionId().equals(s.id()))
                            .map(r -> people.get(r.personId())).toList(),
                    groupRows.stream().filter(r -> r.sessionId().equals(s.id()))
                            .map(r -> groupsById.get(r.groupId())).toList());
            if (s.isScheduled()) {
                days.computeIfAbsent(Times.paris(s.startsAt()).toLocalDate(), d -> new ArrayList<>()).add(view);
            } else {
                unscheduled.add(view);
            }
        }
        return new Programme(days.entrySet().stream().map(e -> new ProgrammeDay(e.getKey(), e.getValue())).toList(),
                unscheduled);
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
