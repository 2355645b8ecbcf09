package fr.cuf.rencontres.event;

import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the public sees of events: published and cancelled ones, never drafts. */
@Singleton
public class EventCatalogue {

    private final EventRepository events;
    private final GroupRepository groups;
    private final VenueRepository venues;
    private final RoomRepository rooms;
    private final Clock clock;

    EventCatalogue(EventRepository events, GroupRepository groups, VenueRepository venues, RoomRepository rooms,
                   Clock clock) {
        this.events = events;
        this.groups = groups;
        this.venues = venues;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** Public events not yet over, soonest first, narrowed by the filter. */
    public List<EventSummary> upcoming(EventFilter filter) {
        return endingAfter(clock.instant(), filter);
    }

    /** Public events of the period (upcoming: soonest first; past: most recent first; all: oldest first). */
    public List<EventSummary> of(EventPeriod period, EventFilter filter) {
        Instant now = clock.instant();
        return switch (period) {
            case UPCOMING -> endingAfter(now, filter);
            case PAST -> filtered(events.findPublicEndedBy(now), filter);
            case ALL -> filtered(events.findPublic(), filter);
        };
    }

    /** Public events ending after {@code from}, soonest first, narrowed by the filter (calendar feeds). */
    public List<EventSummary> endingAfter(Instant from, EventFilter filter) {
        return filtered(events.findPublicEndingAfter(from), filter);
    }

    private List<EventSummary> filtered(List<Event> list, EventFilter filter) {
        return summarise(list).stream()
                .filter(s -> filter.format() == null || s.event().format() == filter.format())
                .filter(s -> filter.membersOnly() == null || s.event().membersOnly() == filter.membersOnly())
                .filter(s -> filter.group() == null || (s.group() != null && s.group().slug().equals(filter.group())))
                .filter(s -> filter.pole() == null || (s.group() != null && s.group().pole() == filter.pole()))
                .toList();
    }

    /** Every public meeting of a group, past and future. */
    public List<EventSummary> ofGroup(long groupId) {
        return summarise(events.findPublicByGroup(groupId));
    }

    public EventSummary summary(Event event) {
        return summarise(List.of(event)).get(0);
    }

    private List<EventSummary> summarise(List<Event> list) {
        Map<Long, Group> groupsById = groups.findByIdIn(ids(list, Event::groupId)).stream()
                .collect(Collectors.toMap(Group::id, Function.identity()));
        Map<Long, Venue> venuesById = venues.findByIdIn(ids(list, Event::venueId)).stream()
                .collect(Collectors.toMap(Venue::id, Function.identity()));
        List<Long> roomIds = ids(list, Event::roomId);
        Map<Long, Room> roomsById = roomIds.isEmpty() ? Map.of() : rooms.findByIdIn(roomIds).stream()
                .collect(Collectors.toMap(Room::id, Function.identity()));
        return list.stream()
                .map(e -> new EventSummary(e, groupsById.get(e.groupId()), venuesById.get(e.venueId()),
                        e.roomId() == null ? null : roomsById.get(e.roomId())))
                .toList();
    }

    private static List<Long> ids(List<Event> list, Function<Event, Long> id) {
        return list.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }
}
