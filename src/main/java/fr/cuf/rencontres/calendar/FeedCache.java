package fr.cuf.rencontres.calendar;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered public feeds of this instance, reused while their fingerprint is unchanged and for at most
 * {@code cache-max-age}. A pure optimisation: any instance rebuilds any entry from the database, and
 * the bytes are the same whoever renders them (so are the ETags).
 */
@Singleton
class FeedCache {

    private static final int MAX_ENTRIES = 2_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final CalendarSettings settings;
    private final Clock wallClock = Clock.systemUTC();

    FeedCache(CalendarSettings settings) {
        this.settings = settings;
    }

    RenderedFeed get(String key, List<Fingerprint> fingerprint, Supplier<RenderedFeed> render) {
        // the age limit runs on the wall clock: the service clock may be frozen for rehearsals
        Instant now = wallClock.instant();
        Entry cached = entries.get(key);
        if (cached != null && cached.fingerprint.equals(fingerprint)
                && cached.at.plus(settings.getCacheMaxAge()).isAfter(now)) {
            return cached.feed;
        }
        RenderedFeed feed = render.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(fingerprint, feed, now));
        return feed;
    }

    private record Entry(List<Fingerprint> fingerprint, RenderedFeed feed, Instant at) {
    }
}
