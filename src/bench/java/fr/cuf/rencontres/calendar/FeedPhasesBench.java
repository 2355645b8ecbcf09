package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventSummary;
import io.micronaut.context.ApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where an uncached programme feed render spends its CPU, in-process, one thread: the whole render
 * (PublicFeeds with the cache off, measured last) and its phases alone (the fingerprint query, the database reads that build
 * the entries, ical4j writing the bytes). Figures are CPU time of the measuring thread (ThreadMXBean), so that
 * other load on a shared machine barely moves them; "per CPU-second" is 1 s divided by that time.
 * In package calendar to reach its package-private classes; run by src/bench/calendar/feeds.sh.
 * Prints one line per phase and a final "RESULT render_per_cpu_s=…" line.
 */
public final class FeedPhasesBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_RENDERS = Integer.getInteger("bench.warmUpRenders", 3_000);

    public static void main(String[] args) throws InterruptedException {
        String slug = args.length > 0 ? args[0] : "rencontres-aict-2027";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "rencontres.calendar.cache-max-age", "PT0S", "rencontres.calendar.fingerprint-max-age", "PT0S",
                "micronaut.server.port", -1))) {
            // a first start loads the demo data in the background: wait for it
            context.getBean(fr.cuf.rencontres.demo.DemoLoading.class).await(java.time.Duration.ofMinutes(5));
            PublicFeeds feeds = context.getBean(PublicFeeds.class);
            CalendarRepository rows = context.getBean(CalendarRepository.class);
            ProgrammeEntries programme = context.getBean(ProgrammeEntries.class);
            EventCatalogue catalogue = context.getBean(EventCatalogue.class);
            EventService events = context.getBean(EventService.class);
            RenderedFeed feed = feeds.programme(slug, Locale.FRENCH);
            EventSummary summary = catalogue.summary(events.publicBySlug(slug));
            List<FeedEntry> entries = programme.of(summary, null, Locale.FRENCH, false);
            System.out.printf("feed %s: %d entries, %,d bytes%n", slug, entries.size(), feed.body().length);
            // the JIT needs thousands of renders before the figures settle: count them, not seconds, so that a
            // loaded machine (little CPU for this process and its compiler threads) is not measured half-compiled
            for (int i = 0; i < WARM_UP_RENDERS; i++) {
                feeds.programme(slug, Locale.FRENCH);
            }
            measure("  fingerprint query", seconds, () -> rows.programmeFingerprint(slug));
            measure("  entries (database reads + FeedEntry)", seconds,
                    () -> programme.of(catalogue.summary(events.publicBySlug(slug)), null, Locale.FRENCH, false));
            measure("  bytes (IcsWriter.write)", seconds, () -> IcsWriter.write("Programme", entries));
            formerWriter(seconds, entries);
            // last, when the JIT has compiled every phase
            double render = measure("render, uncached (all of it)", seconds, () -> feeds.programme(slug, Locale.FRENCH));
            System.out.printf("RESULT render_per_cpu_s=%.0f%n", render);
        }
    }

    /**
     * The same bytes through the former ical4j writer, side by side, when the test classes are on the class path
     * (feeds.sh adds target/test-classes when present: src/test/java/fr/cuf/rencontres/calendar/Ical4jWriter.java).
     */
    private static void formerWriter(double seconds, List<FeedEntry> entries) {
        try {
            Method write = Class.forName("fr.cuf.rencontres.calendar.Ical4jWriter")
                    .getDeclaredMethod("write", String.class, List.class);
            write.setAccessible(true);
            measure("  bytes, former ical4j writer (before)", seconds, () -> {
                try {
                    return write.invoke(null, "Programme", entries);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.out.println("  (former ical4j writer not on the class path: run ./mvnw test-compile to compare)");
        }
    }

    /** Runs {@code work} for a warm-up then {@code seconds}; prints and returns runs per CPU-second. */
    private static double measure(String label, double seconds, Supplier<?> work) {
        loop(work, seconds / 2);
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = loop(work, seconds);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        double perCpuSecond = n * 1e9 / cpu;
        System.out.printf("%-42s %,9d runs  %8.1f µs CPU each = %,8.0f per CPU-second  (wall: %,8.0f per second)%n",
                label, n, cpu / 1e3 / n, perCpuSecond, n * 1e9 / wall);
        return perCpuSecond;
    }

    private static long loop(Supplier<?> work, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            work.get();
            n++;
        }
        return n;
    }
}
