package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.Window;

import java.util.Map;

/**
 * The clashes registrants suffer: for every two sessions at overlapping times, the registrations that chose
 * both (each loses one of them). What the solver's {@code attendee_clashes} rule minimises, counted on a
 * timetable so staff see it before and after a proposal.
 */
public final class AttendeeClashes {

    private AttendeeClashes() {
    }

    /**
     * @param slots  where each session is (unplaced ones absent)
     * @param shared registrations that chose both sessions, by session then other session (both directions)
     */
    public static long count(Map<Long, Window> slots, Map<Long, Map<Long, Integer>> shared) {
        long n = 0;
        for (Map.Entry<Long, Map<Long, Integer>> e : shared.entrySet()) {
            Window a = slots.get(e.getKey());
            if (a == null) {
                continue;
            }
            for (Map.Entry<Long, Integer> other : e.getValue().entrySet()) {
                Window b = slots.get(other.getKey());
                if (e.getKey() < other.getKey() && b != null && a.overlaps(b)) {
                    n += other.getValue();
                }
            }
        }
        return n;
    }
}
