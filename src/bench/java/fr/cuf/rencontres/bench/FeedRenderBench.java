package fr.cuf.rencontres.bench;

import fr.cuf.rencontres.calendar.PublicFeeds;
import io.micronaut.context.ApplicationContext;

import java.util.Locale;
import java.util.Map;

/**
 * In-process: how many times per second the 2026 programme feed is rendered from the database
 * (the cache is switched off) and served from the cache (with and without the fingerprint query), one thread.
 * Run by src/bench/calendar/feeds.sh (it starts in an empty directory, so the demo data is loaded).
 */
public final class FeedRenderBench {

    public static void main(String[] args) throws InterruptedException {
        String slug = args.length > 0 ? args[0] : "rencontres-aict-2027";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        String[][] modes = {
                {"render (no cache)", "PT0S", "PT0S"},
                {"cached, fingerprint query every time", "PT1H", "PT0S"},
                {"cached, fingerprint trusted 1 s (default)", "PT1H", "PT1S"}};
        for (String[] mode : modes) {
            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "rencontres.calendar.cache-max-age", mode[1],
                    "rencontres.calendar.fingerprint-max-age", mode[2], "micronaut.server.port", -1))) {
                // a first start loads the demo data in the background: wait for it
                context.getBean(fr.cuf.rencontres.demo.DemoLoading.class).await(java.time.Duration.ofMinutes(5));
                PublicFeeds feeds = context.getBean(PublicFeeds.class);
                int bytes = feeds.programme(slug, Locale.FRENCH).body().length;
                run(feeds, slug, seconds / 3); // warm-up
                long n = run(feeds, slug, seconds);
                System.out.printf("%s: %,d feeds of %,d bytes in %d s = %,.0f per second (%s)%n", mode[0], n, bytes,
                        seconds, n / (double) seconds, slug);
            }
        }
    }

    private static long run(PublicFeeds feeds, String slug, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            feeds.programme(slug, Locale.FRENCH);
            n++;
        }
        return n;
    }
}
