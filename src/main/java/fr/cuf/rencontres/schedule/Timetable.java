package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Room;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The work-in-progress timetable of an event, as staff edit it: every session and every conflict. */
public record Timetable(Event event, List<Room> rooms, List<LocalDate> days, @Nullable LocalTime opens,
                       @Nullable LocalTime closes, List<SessionView> placed, List<SessionView> unscheduled,
                       List<SessionView> cancelled, List<Conflict> conflicts,
                        Map<Long, SessionRepository.Demand> demand, Map<Long, Map<Long, Integer>> shared) {

    /** Registrations holding a seat in the session (0 when none). */
    public long taken(long sessionId) {
        SessionRepository.Demand d = demand.get(sessionId);
        return d == null ? 0 : d.taken();
    }

    /** Registrations waiting for a seat in the session. */
    public long waiting(long sessionId) {
        SessionRepository.Demand d = demand.get(sessionId);
        return d == null ? 0 : d.waiting();
    }

    public List<Conflict> conflictsOf(long sessionId) {
        return conflicts.stream().filter(c -> c.concerns(sessionId)).toList();
    }

    public List<Conflict> hardConflicts() {
        return conflicts.stream().filter(Conflict::hard).toList();
    }
}
