package fr.cuf.rencontres.schedule;

import java.time.Duration;
import java.time.Instant;

/** A span of time, start included, end excluded. */
public record Window(Instant start, Instant end) {

    public boolean overlaps(Window other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Window inner) {
        return !inner.start.isBefore(start) && !inner.end.isAfter(end);
    }

    /** How long two spans overlap; zero when they do not. */
    public Duration overlap(Window other) {
        Instant from = start.isAfter(other.start) ? start : other.start;
        Instant to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
