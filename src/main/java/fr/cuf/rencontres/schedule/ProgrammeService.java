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
    private final ProgrammeVersionRepository versions;
    private final ProgrammeChangeRepository changes;

    ProgrammeService(SessionRepository sessions, SessionViews views, ProgrammeVersionRepository versions,
                     ProgrammeChangeRepository changes) {
        this.sessions = sessions;
        this.views = views;
        this.versions = versions;
        this.changes = changes;
    }

    /**
     * The programme the public sees: the latest published version. An event that never had one shows its
     * sessions as they are (events created before versions existed, small meetings nobody versions).
     */
    public Programme of(long eventId) {
        return versions.findFirstByEventIdOrderByNumberDesc(eventId)
                .map(v -> arrange(views.of(versions.findSessions(v.id()).stream().map(s -> s.asSession(eventId)).toList())))
                .orElseGet(() -> live(eventId));
    }

    /** The latest published version and what changed since the one before; empty if never published. */
    public java.util.Optional<PublishedChanges> latestChanges(long eventId) {
        return versions.findFirstByEventIdOrderByNumberDesc(eventId)
                .map(v -> new PublishedChanges(v.number(), v.publishedAt(), changes.findByVersionIdOrderById(v.id())));
    }

    public record PublishedChanges(int version, java.time.Instant publishedAt, List<ProgrammeChange> changes) {
        public int previous() {
            return version - 1;
        }
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
