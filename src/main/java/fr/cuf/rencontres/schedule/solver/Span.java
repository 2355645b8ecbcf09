package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.Window;

import java.util.List;

/** A window in epoch minutes: [from, to). */
public record Span(long from, long to) {

    public static Span of(Window w) {
        return new Span(w.start().getEpochSecond() / 60, w.end().getEpochSecond() / 60);
    }

    public boolean overlaps(long start, long end) {
        return start < to && from < end;
    }

    public boolean contains(long start, long end) {
        return from <= start && end <= to;
    }

    public static boolean anyOverlaps(List<Span> spans, long start, long end) {
        for (Span s : spans) {
            if (s.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    public static boolean anyContains(List<Span> spans, long start, long end) {
        for (Span s : spans) {
            if (s.contains(start, end)) {
                return true;
            }
        }
        return false;
    }
}
