package fr.cuf.rencontres.schedule.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The cells a session may take: the rules about one session alone (opening hours, briefing blocks and
 * plenary slots, unavailable people, room size and equipment, unavailable rooms) are settled here, once,
 * instead of being searched through. The solver then only arranges sessions against each other, which is
 * what makes the 1 s / 30 s targets reachable. The rules stay in {@link TimetableConstraintProvider} too: pinned
 * sessions are not filtered, and when no cell satisfies a session the filter is relaxed (first rooms, then
 * times) so that the session is still placed and its broken rule shows in the score explanation.
 */
final class Candidates {

    private Candidates() {
    }

    static List<Cell> of(Placement p, List<Start> starts, List<PlanRoom> rooms) {
        List<Start> times = starts.stream().filter(s -> timeFits(p, s.minute())).toList();
        if (times.isEmpty()) {
            times = starts.stream().filter(s -> Span.anyContains(p.getOpeningHours(), s.minute(), s.minute() + p.getMinutes())
                    || p.getOpeningHours().isEmpty()).toList();
        }
        if (times.isEmpty()) {
            times = starts;
        }
        // The construction heuristic takes the first cell that breaks no hard rule: a shuffled time (seeded by
        // the session, so runs repeat) spreads sessions over the days, the smallest fitting room first keeps
        // big rooms for big sessions.
        times = new ArrayList<>(times);
        Collections.shuffle(times, new Random(p.getSessionId()));
        List<PlanRoom> fitting = rooms.stream().filter(r -> roomFits(p, r))
                .sorted(Comparator.comparingInt(PlanRoom::capacity)).toList();
        if (fitting.isEmpty()) {
            fitting = rooms.stream().filter(r -> equipped(p, r))
                    .sorted(Comparator.comparingInt(PlanRoom::capacity).reversed()).toList();
        }
        if (fitting.isEmpty()) {
            fitting = rooms;
        }
        List<Cell> cells = new ArrayList<>();
        for (Start s : times) {
            for (PlanRoom r : fitting) {
                if (!Span.anyOverlaps(r.unavailable(), s.minute(), s.minute() + p.getMinutes())) {
                    cells.add(new Cell(s, r));
                }
            }
        }
        if (cells.isEmpty()) {
            for (Start s : times) {
                for (PlanRoom r : fitting) {
                    cells.add(new Cell(s, r));
                }
            }
        }
        if (p.getCell() != null && !cells.contains(p.getCell())) {
            cells.add(p.getCell()); // a warm start from a cell that breaks a rule: the solver may still keep it
        }
        return List.copyOf(cells);
    }

    static boolean timeFits(Placement p, long start) {
        long end = start + p.getMinutes();
        return (p.getOpeningHours().isEmpty() || Span.anyContains(p.getOpeningHours(), start, end))
                && (p.getFixedWindows().isEmpty() || Span.anyContains(p.getFixedWindows(), start, end))
                && !Span.anyOverlaps(p.getPersonOff(), start, end);
    }

    static boolean roomFits(Placement p, PlanRoom r) {
        return r.capacity() >= p.getAudience() && equipped(p, r);
    }

    static boolean equipped(Placement p, PlanRoom r) {
        return (!p.needsInterpretation() || r.interpretation()) && (!p.needsVideoLink() || r.videoLink());
    }
}
