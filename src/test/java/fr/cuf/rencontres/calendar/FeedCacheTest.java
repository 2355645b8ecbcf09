package fr.cuf.rencontres.calendar;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FeedCacheTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T08:00:00Z"));
    final AtomicInteger fingerprints = new AtomicInteger();
    final AtomicInteger renders = new AtomicInteger();
    List<Fingerprint> database = List.of(new Fingerprint(3, Instant.EPOCH, 10L));

    FeedCache cache = new FeedCache(settings(Duration.ofSeconds(60), Duration.ofSeconds(1)), new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    });

    RenderedFeed get() {
        return cache.get("k", () -> {
            fingerprints.incrementAndGet();
            return database;
        }, () -> {
            renders.incrementAndGet();
            return IcsWriter.write("n" + renders.get(), List.of());
        });
    }

    void later(long millis) {
        now.set(now.get().plusMillis(millis));
    }

    @Test
    void within_a_second_the_fingerprint_is_not_asked_again() {
        RenderedFeed first = get();
        later(500);
        assertSame(first, get());
        assertEquals(1, fingerprints.get());
        assertEquals(1, renders.get());
    }

    @Test
    void an_unchanged_fingerprint_keeps_the_rendering_and_a_changed_one_renders_again() {
        RenderedFeed first = get();
        later(1500);
        assertSame(first, get());
        assertEquals(2, fingerprints.get());
        assertEquals(1, renders.get());

        database = List.of(new Fingerprint(3, Instant.EPOCH, 11L));
        later(1500);
        get();
        assertEquals(2, renders.get());
    }

    @Test
    void a_rendering_is_never_kept_past_the_cache_max_age() {
        get();
        later(61_000);
        get();
        assertEquals(2, renders.get());
    }

    static CalendarSettings settings(Duration cacheMaxAge, Duration fingerprintMaxAge) {
        return new CalendarSettings() {
            @Override public Duration getKeepCancelled() { return Duration.ofDays(30); }
            @Override public Duration getPast() { return Duration.ofDays(365); }
            @Override public String getUidDomain() { return null; }
            @Override public Duration getCacheMaxAge() { return cacheMaxAge; }
            @Override public Duration getFingerprintMaxAge() { return fingerprintMaxAge; }
        };
    }
}
