package fr.cuf.rencontres.schedule.solver;

import java.time.Instant;

/** A possible start on the 15-minute grid; {@code minute} is minutes since the epoch, for cheap arithmetic. */
public record Start(long minute) implements Comparable<Start> {

    public static Start of(Instant instant) {
        return new Start(instant.getEpochSecond() / 60);
    }

    public Instant instant() {
        return Instant.ofEpochSecond(minute * 60);
    }

    @Override
    public int compareTo(Start o) {
        return Long.compare(minute, o.minute);
    }
}
