package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.TimetableFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.SessionFacts;
import fr.cuf.rencontres.schedule.Window;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the facts of a timetable into a solver problem: the sessions staff picked become free placements,
 * the other placed sessions are pinned where they are, unplaced ones that were not picked stay out.
 */
public final class PlanBuilder {

    /**
     * The solver's starts are every half hour of the opening hours plus the start of every briefing block and
     * plenary slot: half-hour starts are how a conference programme is laid out (staff can still move a
     * session by a quarter hour on the grid), and they halve the cells to search.
     */
    public static final int STEP = 30;

    /**
     * @param published  where the latest published version had each session (start, room)
     * @param shared     registrations that chose both sessions, by session then other session
     * @param choices    registrations that chose each session (empty: use expected audiences)
     * @param starts     the allowed starts; null: every quarter hour of the venue's opening hours
     * @param keepCurrent start picked sessions from where they are (a warm start) rather than from nothing
     */
    public record Input(TimetableFacts facts, Set<Long> toPlace, Map<Long, Published> published,
                        Map<Long, Map<Long, Integer>> shared, Map<Long, Integer> choices,
                        @Nullable List<Instant> starts, boolean keepCurrent) {
    }

    public record Published(Instant start, Long roomId) {
    }

    private PlanBuilder() {
    }

    public static Plan build(Input in) {
        TimetableFacts f = in.facts();
        List<Start> starts = in.starts() != null ? in.starts().stream().map(Start::of).toList() : grid(f);
        Map<Long, PlanRoom> rooms = new HashMap<>();
        List<PlanRoom> roomList = new ArrayList<>();
        f.rooms().values().forEach(r -> {
            PlanRoom room = new PlanRoom(r.id(), r.name(), r.capacity(), r.interpretation(), r.videoLink(),
                    r.unavailable().stream().map(Span::of).toList());
            rooms.put(r.id(), room);
            roomList.add(room);
        });
        Windows windows = new Windows(f.briefingBlocks().stream().map(Span::of).toList(),
                f.plenarySlots().stream().map(Span::of).toList(), venueHours(f), eventDays(f), f.pause().toMinutes());
        List<Placement> placements = new ArrayList<>();
        for (SessionFacts s : f.sessions()) {
            boolean free = in.toPlace().contains(s.id());
            if (!free && !s.isPlaced()) {
                continue;
            }
            PlanRoom current = s.roomId() == null ? null : rooms.get(s.roomId());
            if (!free && current == null) {
                current = nowhere(s); // placed in no room of the venue: still a session its people attend
            }
            boolean warm = !free || in.keepCurrent();
            Cell cell = warm && s.isPlaced() && current != null ? new Cell(Start.of(s.slot().start()), current) : null;
            int minutes = s.isPlaced() ? (int) ((s.slot().end().getEpochSecond() - s.slot().start().getEpochSecond()) / 60)
                    : s.minutes();
            Published pub = in.published().get(s.id());
            placements.add(new Placement(
                    new Placement.About(s.id(), s.title(), s.kind(), minutes, s.personIds(), s.themeKeys()),
                    new Placement.Needs(s.audience(), in.choices().isEmpty() ? s.audience() : in.choices().getOrDefault(s.id(), 0),
                            s.interpretation(), s.videoLink(), in.shared().getOrDefault(s.id(), Map.of()), f.shape(s.id())),
                    windows.of(f, s),
                    pub == null ? null : new Placement.Published(pub.start().getEpochSecond() / 60, pub.roomId()),
                    !free, cell));
        }
        for (Placement p : placements) {
            // a pinned session's only value is where it is (Timefold checks values against their range)
            p.setCandidates(p.isPinned() ? List.of(p.getCell()) : Candidates.of(p, starts, roomList));
        }
        return new Plan(starts, roomList, placements);
    }

    /** The facts as staff placed them, every session pinned: what the editor's conflicts are read from. */
    public static Plan asPlaced(TimetableFacts facts) {
        return build(new Input(facts, Set.of(), Map.of(), Map.of(), Map.of(), List.of(), false));
    }

    /** The windows shared by every session of the event, turned into each session's bounds. */
    private record Windows(List<Span> briefing, List<Span> plenary, List<Span> hours, Span days, long pause) {

        Placement.Bounds of(TimetableFacts f, SessionFacts s) {
            Map<Long, List<Span>> off = new HashMap<>();
            Map<Long, List<Span>> meetings = new HashMap<>();
            for (Long p : s.personIds()) {
                spans(f.personUnavailable().get(p)).ifPresent(l -> off.put(p, l));
                spans(f.personInMeeting().get(p)).ifPresent(l -> meetings.put(p, l));
            }
            List<Span> fixed = s.kind() == SessionKind.COUNTRY_BRIEFING ? briefing
                    : s.kind() == SessionKind.PLENARY ? plenary : List.of();
            return new Placement.Bounds(fixed, hours, days, off, meetings, pause);
        }

        private static java.util.Optional<List<Span>> spans(@Nullable List<Window> windows) {
            return windows == null || windows.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(windows.stream().map(Span::of).toList());
        }
    }

    /** A room of its own for a session placed outside the venue's rooms: no room rule applies to it. */
    private static PlanRoom nowhere(SessionFacts s) {
        return new PlanRoom(-s.id(), "", s.audience(), true, true, List.of());
    }

    /**
     * Without registrations' choices, people who would want two sessions are estimated from the expected
     * audiences, as if interests were independent: a × b / participants.
     */
    public static Map<Long, Map<Long, Integer>> estimateShared(List<SessionFacts> sessions, int participants) {
        Map<Long, Map<Long, Integer>> shared = new HashMap<>();
        if (participants <= 0) {
            return shared;
        }
        for (SessionFacts a : sessions) {
            for (SessionFacts b : sessions) {
                long n = (long) a.audience() * b.audience() / participants;
                if (a.id() != b.id() && n > 0) {
                    shared.computeIfAbsent(a.id(), k -> new HashMap<>()).put(b.id(), (int) n);
                }
            }
        }
        return shared;
    }

    /**
     * The venue's opening hours on every day a session is placed on or the event lasts (none when the venue
     * has no hours): a session on another day is outside the event's dates, not outside the venue's hours.
     */
    static List<Span> venueHours(TimetableFacts f) {
        if (f.opening() == null || f.closing() == null) {
            return List.of();
        }
        LocalDate first = f.firstDay();
        LocalDate last = f.lastDay();
        for (SessionFacts s : f.sessions()) {
            if (s.isPlaced()) {
                LocalDate day = Times.paris(s.slot().start()).toLocalDate();
                first = day.isBefore(first) ? day : first;
                last = day.isAfter(last) ? day : last;
            }
        }
        return days(first, last, f.opening(), f.closing());
    }

    static Span eventDays(TimetableFacts f) {
        return new Span(f.firstDay().atStartOfDay(Times.PARIS).toEpochSecond() / 60,
                f.lastDay().plusDays(1).atStartOfDay(Times.PARIS).toEpochSecond() / 60);
    }

    private static List<Span> days(LocalDate first, LocalDate last, LocalTime open, LocalTime close) {
        List<Span> hours = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            hours.add(Span.of(new Window(d.atTime(open).atZone(Times.PARIS).toInstant(),
                    d.atTime(close).atZone(Times.PARIS).toInstant())));
        }
        return hours;
    }

    static List<Start> grid(TimetableFacts f) {
        java.util.SortedSet<Start> starts = new java.util.TreeSet<>();
        LocalTime open = f.opening() == null ? LocalTime.of(8, 0) : f.opening();
        LocalTime close = f.closing() == null ? LocalTime.of(20, 0) : f.closing();
        for (Span day : days(f.firstDay(), f.lastDay(), open, close)) {
            for (long m = day.from(); m + STEP <= day.to(); m += STEP) {
                starts.add(new Start(m));
            }
        }
        f.briefingBlocks().forEach(w -> starts.add(Start.of(w.start())));
        f.plenarySlots().forEach(w -> starts.add(Start.of(w.start())));
        return List.copyOf(starts);
    }
}
