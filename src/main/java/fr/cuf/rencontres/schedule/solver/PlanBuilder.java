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
        List<Span> hours = openingHours(f);
        List<Start> starts = in.starts() != null ? in.starts().stream().map(Start::of).toList() : grid(f);
        Map<Long, PlanRoom> rooms = new HashMap<>();
        List<PlanRoom> roomList = new ArrayList<>();
        f.rooms().values().forEach(r -> {
            PlanRoom room = new PlanRoom(r.id(), r.name(), r.capacity(), r.interpretation(), r.videoLink(),
                    r.unavailable().stream().map(Span::of).toList());
            rooms.put(r.id(), room);
            roomList.add(room);
        });
        List<Span> briefing = f.briefingBlocks().stream().map(Span::of).toList();
        List<Span> plenary = f.plenarySlots().stream().map(Span::of).toList();
        List<Placement> placements = new ArrayList<>();
        for (SessionFacts s : f.sessions()) {
            boolean free = in.toPlace().contains(s.id());
            PlanRoom current = s.roomId() == null ? null : rooms.get(s.roomId());
            if (!free && (!s.isPlaced() || current == null)) {
                continue;
            }
            boolean warm = !free || in.keepCurrent();
            Start start = warm && s.isPlaced() ? Start.of(s.slot().start()) : null;
            int minutes = s.isPlaced() ? (int) ((s.slot().end().getEpochSecond() - s.slot().start().getEpochSecond()) / 60)
                    : s.minutes();
            List<Span> personOff = new ArrayList<>();
            s.personIds().forEach(p -> f.personUnavailable().getOrDefault(p, List.of())
                    .forEach(w -> personOff.add(Span.of(w))));
            Published pub = in.published().get(s.id());
            placements.add(new Placement(s.id(), s.title(), s.kind(), minutes, s.personIds(), s.themeKeys(),
                    s.audience(), in.choices().isEmpty() ? s.audience() : in.choices().getOrDefault(s.id(), 0),
                    s.interpretation(), s.videoLink(),
                    s.kind() == SessionKind.COUNTRY_BRIEFING ? briefing : s.kind() == SessionKind.PLENARY ? plenary : List.of(),
                    hours, personOff, in.shared().getOrDefault(s.id(), Map.of()),
                    pub == null ? null : pub.start().getEpochSecond() / 60, pub == null ? null : pub.roomId(),
                    !free, start, warm && s.isPlaced() ? current : null)
                    .shaped(f.shape(s.id()).series(), f.shape(s.id()).seriesOrder(), f.shape(s.id()).besidePlenary(),
                            meetingHolds(f, s)));
        }
        for (Placement p : placements) {
            // a pinned session's only value is where it is (Timefold checks values against their range)
            p.setCandidates(p.isPinned() ? List.of(p.getCell()) : Candidates.of(p, starts, roomList));
        }
        return new Plan(starts, roomList, placements);
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

    private static List<Span> meetingHolds(TimetableFacts f, SessionFacts s) {
        List<Span> holds = new ArrayList<>();
        s.personIds().forEach(p -> f.personInMeeting().getOrDefault(p, List.of()).forEach(w -> holds.add(Span.of(w))));
        return holds;
    }

    static List<Span> openingHours(TimetableFacts f) {
        List<Span> hours = new ArrayList<>();
        LocalTime open = f.opening() == null ? LocalTime.of(8, 0) : f.opening();
        LocalTime close = f.closing() == null ? LocalTime.of(20, 0) : f.closing();
        for (LocalDate d = f.firstDay(); !d.isAfter(f.lastDay()); d = d.plusDays(1)) {
            hours.add(Span.of(new Window(d.atTime(open).atZone(Times.PARIS).toInstant(),
                    d.atTime(close).atZone(Times.PARIS).toInstant())));
        }
        return hours;
    }

    static List<Start> grid(TimetableFacts f) {
        java.util.SortedSet<Start> starts = new java.util.TreeSet<>();
        for (Span day : openingHours(f)) {
            for (long m = day.from(); m + STEP <= day.to(); m += STEP) {
                starts.add(new Start(m));
            }
        }
        f.briefingBlocks().forEach(w -> starts.add(Start.of(w.start())));
        f.plenarySlots().forEach(w -> starts.add(Start.of(w.start())));
        return List.copyOf(starts);
    }
}
