package fr.cuf.rencontres.schedule.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The cells a session may take: the solver only tries those, so that it arranges sessions against each other
 * instead of searching through cells that break a rule about one session alone, which is what makes the
 * 1 s / 30 s targets reachable. This class has no rule of its own: it asks the {@link Placement} the questions
 * the constraints of {@link TimetableConstraintProvider} ask, of a cell instead of the current one. Pinned
 * sessions are not filtered, and when no cell satisfies a session the filter is relaxed (first rooms, then
 * times) so that the session is still placed and its broken rule shows in the score analysis.
 */
final class Candidates {

    private Candidates() {
    }

    static List<Cell> of(Placement p, List<Start> starts, List<PlanRoom> rooms) {
        List<Start> times = starts.stream().filter(s -> timeFits(p, s.minute())).toList();
        if (times.isEmpty()) {
            times = starts.stream().filter(s -> withinDays(p, s.minute())).toList();
        }
        if (times.isEmpty()) {
            times = starts;
        }
        // The construction heuristic takes the first cell that breaks no hard rule: a shuffled time (seeded by
        // the session, so runs repeat) spreads sessions over the days, the smallest fitting room first keeps
        // big rooms for big sessions.
        times = new ArrayList<>(times);
        Collections.shuffle(times, new Random(p.getSessionId()));
        List<PlanRoom> fitting = rooms.stream().filter(r -> p.overCapacity(r) == 0 && !p.lacksEquipment(r))
                .sorted(Comparator.comparingInt(PlanRoom::capacity)).toList();
        if (fitting.isEmpty()) {
            fitting = rooms.stream().filter(r -> !p.lacksEquipment(r))
                    .sorted(Comparator.comparingInt(PlanRoom::capacity).reversed()).toList();
        }
        if (fitting.isEmpty()) {
            fitting = rooms;
        }
        List<Cell> cells = new ArrayList<>();
        for (Start s : times) {
            for (PlanRoom r : fitting) {
                if (!p.inUnavailableRoom(r, s.minute(), s.minute() + p.getMinutes())) {
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

    /** Breaks none of the time rules of the session alone. */
    static boolean timeFits(Placement p, long start) {
        long end = start + p.getMinutes();
        return withinDays(p, start) && !p.outsideFixedWindows(start, end) && !p.withUnavailablePerson(start, end);
    }

    private static boolean withinDays(Placement p, long start) {
        long end = start + p.getMinutes();
        return !p.outsideEventDays(start, end) && !p.outsideOpeningHours(start, end);
    }
}
