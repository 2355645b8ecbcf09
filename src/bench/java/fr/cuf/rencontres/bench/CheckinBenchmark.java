package fr.cuf.rencontres.bench;

import fr.cuf.rencontres.badge.BadgeSelection;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.Outcome;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.checkin.ScanResult;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans per second through the service (verify the Ed25519 code, read the facts, apply the rules, record) and
 * the time to render 600 badges as one PDF. Not a test: it prints figures. Run it as the README says,
 * on PostgreSQL (DATASOURCES_DEFAULT_URL) or on the in-memory H2 by default. It empties the tables.
 */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench", matches = "true",
        disabledReason = "benchmarks run only when asked: -Dbench=true")
class CheckinBenchmark {

    static final int PEOPLE = Integer.getInteger("bench.people", 12_000);
    /** Scans in flight: 4 keep both cores of the reference machine busy; more only queue (see README). */
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final int BADGES = Integer.getInteger("bench.badges", 600);

    @Inject DataSource dataSource;
    @Inject EventService events;
    @Inject PersonRepository persons;
    @Inject RegistrationRepository registrations;
    @Inject BadgeService badges;
    @Inject BadgeTokens tokens;
    @Inject CheckinService checkins;

    @Test
    void scans_per_second_and_badge_pdf_time() throws Exception {
        clean();
        Event event = events.create(new EventForm("17es Rencontres de l'AICT", "bench-2026",
                EventKind.CONFERENCE_EDITION, null, null, LocalDateTime.parse("2026-07-08T08:00"),
                LocalDateTime.parse("2026-07-09T18:30"), EventFormat.ONLINE, null, null,
                "https://visio.example.org/bench", false, null, null, null, null, EventStatus.PUBLISHED), "bench");
        long setup = System.nanoTime();
        List<Person> people = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(new Person(null, "Prénom" + i, "Nom-Dupont-Aignan " + i,
                    "Adjointe au maire déléguée aux relations internationales", null, null, null, true, now, now, null));
        }
        List<Person> saved = new ArrayList<>();
        persons.saveAll(people).forEach(saved::add);
        List<Registration> rows = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            rows.add(new Registration(null, event.id(), saved.get(i).id(), null,
                    ParticipantType.values()[i % ParticipantType.values().length], RegistrationStatus.CONFIRMED,
                    null, 0, 1, now, now, null));
        }
        List<Registration> registered = new ArrayList<>();
        registrations.saveAll(rows).forEach(registered::add);
        String[] codes = registered.stream().map(r -> tokens.issue(r.id(), event.id(), r.badgeVersion())).toArray(String[]::new);
        System.out.printf("setup: %d registrations and codes in %d ms%n", codes.length, (System.nanoTime() - setup) / 1_000_000);

        // enough first scans for the JIT to compile the path before the measured ones
        int warmup = Math.min(10_000, codes.length / 3);
        run(Arrays.copyOfRange(codes, 0, warmup), "warm-up");
        run(Arrays.copyOfRange(codes, warmup, codes.length), "measured");

        // the same badges again: every scan is now a duplicate (already_checked_in), also a full path
        run(Arrays.copyOfRange(codes, warmup, Math.min(codes.length, warmup + 4_000)), "duplicates");

        // where the time goes: the Ed25519 check alone (Bouncy Castle, see BadgeTokens), same threads, codes never verified before
        String[] unseen = registered.stream().limit(4_000).map(r -> tokens.issue(r.id(), event.id(), 99))
                .toArray(String[]::new);
        verifyOnly(unseen);

        Event edition = events.create(new EventForm("Assises franco-marocaines de la coopération décentralisée",
                "bench-badges", EventKind.BILATERAL_MEETING, null, null, LocalDateTime.parse("2026-12-01T09:00"),
                LocalDateTime.parse("2026-12-02T17:00"), EventFormat.ONLINE, null, null,
                "https://visio.example.org/bench2", false, null, null, null, null, EventStatus.PUBLISHED), "bench");
        List<Registration> badgeRows = new ArrayList<>();
        for (int i = 0; i < BADGES; i++) {
            badgeRows.add(new Registration(null, edition.id(), saved.get(i).id(), null,
                    ParticipantType.values()[i % ParticipantType.values().length], RegistrationStatus.CONFIRMED,
                    null, 0, 1, now, now, null));
        }
        registrations.saveAll(badgeRows);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            BadgeService.Batch batch = badges.printBatch(edition.id(), BadgeSelection.all(), "bench");
            System.out.printf("badges: %d badges as one A6 PDF (%d KB) in %d ms (round %d%s)%n", batch.count(),
                    batch.pdf().length / 1024, (System.nanoTime() - start) / 1_000_000, round,
                    round == 1 ? ", cold: first signing key and font parsing" : "");
        }
    }

    private void verifyOnly(String[] codes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < codes.length) {
                    if (tokens.verify(codes[i]).isEmpty()) {
                        throw new IllegalStateException("a genuine code was refused");
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        System.out.printf("Ed25519 verify only: %d codes with %d threads in %d ms: %.0f verifies/s%n", codes.length,
                THREADS, elapsed / 1_000_000, codes.length / (elapsed / 1e9));
    }

    private void run(String[] codes, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[] latencies = new long[codes.length];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < codes.length) {
                    long begin = System.nanoTime();
                    ScanResult result = checkins.scan(new ScanRequest(codes[i], null, "entrance:2026-07-08", "entry",
                            label + "-" + i, null, null), "bench");
                    latencies[i] = System.nanoTime() - begin;
                    if (result.outcome() == Outcome.OK) {
                        ok.incrementAndGet();
                    } else if (result.outcome() == Outcome.ALREADY_CHECKED_IN) {
                        duplicates.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("%s: %d scans (%d ok, %d duplicates) with %d threads in %d ms: %.0f scans/s, "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", label, codes.length, ok.get(), duplicates.get(),
                THREADS, elapsed / 1_000_000, codes.length / (elapsed / 1e9), latencies[codes.length / 2] / 1e6,
                latencies[(int) (codes.length * 0.99)] / 1e6, latencies[codes.length - 1] / 1e6);
    }

    private void clean() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            for (String table : List.of("checkin_presence", "checkin_scan", "badge_print_item", "badge_print_run", "badge_signing_key",
                    "audit_entry", "registration_session", "registration", "event_session", "event", "person")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
