package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads an event's programme with a few queries, whatever the number of sessions. */
@Singleton
public class ProgrammeService {

    private final SessionRepository sessions;
    private final SessionViews views;

    ProgrammeService(SessionRepository sessions, SessionViews views) {
        this.sessions = sessions;
        this.views = views;
    }

    public Programme of(long eventId) {
        return live(eventId);
    }

    /** The work in progress, as staff edit it. */
    public Programme live(long eventId) {
        return arrange(views.of(sessions.findByEventInOrder(eventId)));
    }

    static Programme arrange(List<SessionView> list) {
        Map<LocalDate, List<SessionView>> days = new TreeMap<>();
        List<SessionView> unscheduled = new ArrayList<>();
        for (SessionView view : list) {
            Session s = view.session();
            if (s.isScheduled()) {
                days.computeIfAbsent(Times.paris(s.startsAt()).toLocalDate(), d -> new ArrayList<>()).add(view);
            } else {
                unscheduled.add(view);
            }
        }
        return new Programme(days.entrySet().stream().map(e -> new ProgrammeDay(e.getKey(), e.getValue())).toList(),
                unscheduled);
    }
}
