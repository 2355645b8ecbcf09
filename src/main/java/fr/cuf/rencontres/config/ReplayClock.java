package fr.cuf.rencontres.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The service's clock, which one thread may set back for a while to write history: the demo loader registers,
 * invoices and scans "as of" past moments through the ordinary services, so every timestamp they write is the
 * one they would have written then. Only the calling thread sees the replayed time; requests and scheduled jobs
 * running meanwhile read the real (or rehearsal) clock.
 */
public final class ReplayClock extends Clock {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private final Clock base;

    ReplayClock(Clock base) {
        this.base = base;
    }

    /** Runs {@code work} on this thread with the clock reading {@code at}; nests. */
    public <T> T at(Instant at, Supplier<T> work) {
        Instant before = REPLAYED.get();
        REPLAYED.set(at);
        try {
            return work.get();
        } finally {
            if (before == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(before);
            }
        }
    }

    /** Runs {@code work} as of {@code at}. */
    public void run(Instant at, Runnable work) {
        at(at, () -> {
            work.run();
            return null;
        });
    }

    /** The real (or rehearsal) time, whatever this thread replays. */
    public Instant realInstant() {
        return base.instant();
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYED.get();
        return replayed != null ? replayed : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ReplayClock(base.withZone(zone));
    }
}
