package fr.cuf.rencontres.schedule;

import java.util.List;

/** An event's programme: placed sessions by day, and the ones not placed yet. */
public record Programme(List<ProgrammeDay> days, List<SessionView> unscheduled) {

    public int sessionCount() {
        return days.stream().mapToInt(d -> d.sessions().size()).sum() + unscheduled.size();
    }
}
