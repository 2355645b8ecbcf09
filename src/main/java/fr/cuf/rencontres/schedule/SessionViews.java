package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sessions with the names printed beside them, in four queries whatever their number. */
@Singleton
public class SessionViews {

    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final PersonRepository persons;
    private final GroupRepository groups;

    SessionViews(SessionRepository sessions, RoomRepository rooms, PersonRepository persons, GroupRepository groups) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.persons = persons;
        this.groups = groups;
    }

    /** Views in the order of {@code list}. */
    public List<SessionView> of(List<Session> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Session::id).toList();
        List<SessionSpeaker> speakerRows = sessions.findSpeakers(ids);
        List<SessionGroup> groupRows = sessions.findGroups(ids);
        Set<Long> personIds = new HashSet<>();
        list.stream().map(Session::chairPersonId).filter(Objects::nonNull).forEach(personIds::add);
        speakerRows.forEach(r -> personIds.add(r.personId()));
        Map<Long, Person> people = personIds.isEmpty() ? java.util.Collections.emptyMap() : byId(persons.findByIdIn(personIds), Person::id);
        List<Long> roomIds = list.stream().map(Session::roomId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Room> roomsById = roomIds.isEmpty() ? java.util.Collections.emptyMap() : byId(rooms.findByIdIn(roomIds), Room::id);
        List<Long> groupIds = groupRows.stream().map(SessionGroup::groupId).distinct().toList();
        Map<Long, Group> groupsById = groupIds.isEmpty() ? java.util.Collections.emptyMap() : byId(groups.findByIdIn(groupIds), Group::id);
        return list.stream().map(s -> new SessionView(s, roomsById.get(s.roomId()), people.get(s.chairPersonId()),
                speakerRows.stream().filter(r -> r.sessionId().equals(s.id())).map(r -> people.get(r.personId())).toList(),
                groupRows.stream().filter(r -> r.sessionId().equals(s.id())).map(r -> groupsById.get(r.groupId())).toList()))
                .toList();
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
