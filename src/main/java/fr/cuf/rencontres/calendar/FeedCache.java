package fr.cuf.rencontres.calendar;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered public feeds of this instance. An entry is reused while its fingerprint (a cheap aggregate query)
 * is unchanged, for at most {@code cache-max-age}; the fingerprint itself is trusted for
 * {@code fingerprint-max-age} (1 s by default), so a burst of requests costs no query at all. A pure
 * optimisation: any instance rebuilds any entry from the database, and the bytes (hence the ETags) are the
 * same whoever renders them.
 */
@Singleton
class FeedCache {

    private static final int MAX_ENTRIES = 2_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final CalendarSettings settings;
    // ages run on the wall clock: the service clock may be frozen for rehearsals
    private final Clock wallClock;

    @Inject
    FeedCache(CalendarSettings settings) {
        this(settings, Clock.systemUTC());
    }

    FeedCache(CalendarSettings settings, Clock wallClock) {
        this.settings = settings;
        this.wallClock = wallClock;
    }

    RenderedFeed get(String key, Supplier<List<Fingerprint>> fingerprint, Supplier<RenderedFeed> render) {
        Instant now = wallClock.instant();
        Entry cached = entries.get(key);
        if (cached != null && cached.renderedAt.plus(settings.getCacheMaxAge()).isAfter(now)) {
            if (cached.checkedAt.plus(settings.getFingerprintMaxAge()).isAfter(now)) {
                return cached.feed;
            }
            List<Fingerprint> current = fingerprint.get();
            if (cached.fingerprint.equals(current)) {
                entries.put(key, new Entry(current, cached.feed, cached.renderedAt, now));
                return cached.feed;
            }
            return store(key, current, render.get(), now);
        }
        // fingerprint first: the rendering that follows is at least as recent as what it describes
        List<Fingerprint> current = fingerprint.get();
        return store(key, current, render.get(), now);
    }

    private RenderedFeed store(String key, List<Fingerprint> fingerprint, RenderedFeed feed, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(fingerprint, feed, now, now));
        return feed;
    }

    private record Entry(List<Fingerprint> fingerprint, RenderedFeed feed, Instant renderedAt, Instant checkedAt) {
    }
}
