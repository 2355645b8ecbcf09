package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many registrants race for the last seats, the way pretix proves its quotas: first with the locks
 * switched off, to show the race is real (seats are oversold), then with them on: never oversold.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "datasources.default.maximum-pool-size", value = "12")
class CapacityRaceTest {

    static final int EVENT_SEATS = 10;
    static final int SESSION_SEATS = 5;
    static final int CLIENTS = 40;

    @Inject RegistrationService service;
    @Inject CapacityGuard guard;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;

    Event event;
    Session workshop;
    Organisation dijon;

    @BeforeEach
    void data() {
        data(EVENT_SEATS);
    }

    /** Sessions are tested in an event without capacity: then only the session locks protect them. */
    void data(Integer eventSeats) {
        TestDatabase.clean(dataSource);
        Venue venue = fixtures.venue();
        dijon = fixtures.member();
        event = fixtures.conference(venue, eventSeats);
        workshop = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null,
                SESSION_SEATS, false);
    }

    @AfterEach
    void protect() {
        guard.locking = true;
    }

    /** Every client asks for the event (and the workshop) at the same instant; no waiting list. */
    private int race(int round, boolean withSession) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    service.register(event.slug(), RegistrationFixtures.request("P" + n,
                                    "p" + round + "-" + n + "@example.org", dijon,
                                    withSession ? List.of(workshop.id()) : List.of(), false),
                            Submission.api(null));
                    accepted.incrementAndGet();
                } catch (DomainException full) {
                    assertTrue(full.code().equals("event_full") || full.code().equals("session_full"), full.code());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return accepted.get();
    }

    private long count(String sql) {
        return TestSql.count(dataSource, sql);
    }

    private long eventSeats() throws SQLException {
        return count("SELECT COUNT(*) FROM registration WHERE event_id = " + event.id()
                + " AND status IN ('CONFIRMED', 'PENDING_PAYMENT')");
    }

    private long sessionSeats() throws SQLException {
        return count("SELECT COUNT(*) FROM registration_session WHERE session_id = " + workshop.id()
                + " AND status = 'CONFIRMED'");
    }

    @Test
    void without_locks_the_last_seats_of_an_event_are_oversold() throws Exception {
        guard.locking = false;
        long taken = 0;
        for (int round = 0; round < 5 && taken <= EVENT_SEATS; round++) {
            TestDatabase.clean(dataSource);
            data();
            guard.locking = false;
            race(round, false);
            taken = eventSeats();
        }
        assertTrue(taken > EVENT_SEATS, "the race exists: " + taken + " seats sold for " + EVENT_SEATS);
    }

    @Test
    void with_locks_the_event_is_never_oversold() throws Exception {
        int accepted = race(0, false);
        assertEquals(EVENT_SEATS, accepted);
        assertEquals(EVENT_SEATS, eventSeats());
    }

    @Test
    void without_locks_the_last_seats_of_a_session_are_oversold() throws Exception {
        long taken = 0;
        for (int round = 0; round < 5 && taken <= SESSION_SEATS; round++) {
            data(null);
            guard.locking = false;
            race(round, true);
            taken = sessionSeats();
        }
        assertTrue(taken > SESSION_SEATS, "the race exists: " + taken + " session seats for " + SESSION_SEATS);
    }

    @Test
    void with_locks_a_session_is_never_oversold() throws Exception {
        data(null);
        int accepted = race(0, true);
        assertEquals(SESSION_SEATS, accepted);
        assertEquals(SESSION_SEATS, sessionSeats());
        assertEquals(SESSION_SEATS, eventSeats(), "a refused session choice rolls the whole registration back");
    }
}
