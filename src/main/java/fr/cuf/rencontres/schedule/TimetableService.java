package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads an event's work-in-progress timetable with its conflicts (for the staff grid and the API). */
@Singleton
public class TimetableService {

    private final SessionRepository sessions;
    private final SessionViews views;
    private final RoomRepository rooms;
    private final TimetableFactsLoader facts;
    private final ConflictFinder finder;

    TimetableService(SessionRepository sessions, SessionViews views, RoomRepository rooms, TimetableFactsLoader facts,
                     ConflictFinder finder) {
        this.sessions = sessions;
        this.views = views;
        this.rooms = rooms;
        this.facts = facts;
        this.finder = finder;
    }

    public Timetable of(Event event) {
        List<Session> all = sessions.findByEventInOrder(event.id());
        List<Session> active = all.stream().filter(s -> !s.isCancelled()).toList();
        TimetableFacts f = facts.load(event, active);
        List<Conflict> conflicts = finder.find(f);
        List<SessionView> placed = new ArrayList<>();
        List<SessionView> unscheduled = new ArrayList<>();
        List<SessionView> cancelled = new ArrayList<>();
        for (SessionView v : views.of(all)) {
            (v.session().isCancelled() ? cancelled : v.session().isScheduled() ? placed : unscheduled).add(v);
        }
        List<Room> venueRooms = event.venueId() == null ? List.of() : rooms.findByVenueIdOrderByCapacityDesc(event.venueId());
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = f.firstDay(); !d.isAfter(f.lastDay()); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<Long, SessionRepository.Demand> demand = new HashMap<>();
        sessions.findDemand(event.id()).forEach(d -> demand.put(d.sessionId(), d));
        return new Timetable(event, venueRooms, days, f.opening(), f.closing(), placed, unscheduled, cancelled, conflicts,
                demand, sessions.sharedChoices(event.id()));
    }

    /** Convenience for callers holding only the facts: the conflicts of the event's active sessions. */
    public List<Conflict> conflicts(Event event) {
        return finder.find(facts.load(event));
    }

    static LocalDate day(Session s) {
        return Times.paris(s.startsAt()).toLocalDate();
    }
}
