package fr.cuf.rencontres.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rendered public feeds of this instance. An entry is reused while its fingerprint (a cheap aggregate query)
 * is unchanged, for at most {@code cache-max-age}; the fingerprint itself is trusted for
 * {@code fingerprint-max-age} (1 s by default), so a burst of requests costs no query at all. A pure
 * optimisation: any instance rebuilds any entry from the database, and the bytes (hence the ETags) are the
 * same whoever renders them. Entries live in the Caffeine cache {@code micronaut.caches.programme-feeds} (bounded;
 * beyond it the feeds least likely to be asked again go first).
 */
@Singleton
class FeedCache {

    /** Name of the cache of rendered feeds (micronaut.caches.programme-feeds). */
    static final String FEEDS = "programme-feeds";

    private final Cache<Object, Object> entries;
    private final CalendarSettings settings;
    // ages run on the wall clock: the service clock may be frozen for rehearsals
    private final Clock wallClock;

    @Inject
    FeedCache(CalendarSettings settings, @Named(FEEDS) SyncCache<Cache<Object, Object>> entries) {
        this(settings, Clock.systemUTC(), entries.getNativeCache());
    }

    FeedCache(CalendarSettings settings, Clock wallClock) {
        this(settings, wallClock, Caffeine.newBuilder().maximumSize(2_000).build());
    }

    private FeedCache(CalendarSettings settings, Clock wallClock, Cache<Object, Object> entries) {
        this.settings = settings;
        this.wallClock = wallClock;
        this.entries = entries;
    }

    RenderedFeed get(String key, Supplier<List<Fingerprint>> fingerprint, Supplier<RenderedFeed> render) {
        Instant now = wallClock.instant();
        Entry cached = (Entry) entries.getIfPresent(key);
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
        entries.put(key, new Entry(fingerprint, feed, now, now));
        return feed;
    }

    private record Entry(List<Fingerprint> fingerprint, RenderedFeed feed, Instant renderedAt, Instant checkedAt) {
    }
}
