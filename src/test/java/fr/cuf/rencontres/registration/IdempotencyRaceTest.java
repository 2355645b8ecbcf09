package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Double clicks and retries arriving at the same time never create two registrations. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class IdempotencyRaceTest {

    static final int CLICKS = 8;

    @Inject RegistrationService service;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;

    Event event;
    Organisation dijon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.member();
        event = fixtures.conference(fixtures.venue(), null);
    }

    private List<Future<Object>> submitTogether(String key) {
        ExecutorService pool = Executors.newFixedThreadPool(CLICKS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return service.register(event.slug(),
                            RegistrationFixtures.request("Awa", "awa@example.org", dijon, List.of(), false),
                            Submission.form(key));
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        pool.shutdown();
        return results;
    }

    @Test
    void concurrent_submits_with_one_key_make_one_registration_and_all_get_it() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger replays = new AtomicInteger();
        for (Future<Object> f : submitTogether("double-click")) {
            RegistrationOutcome o = (RegistrationOutcome) f.get(60, TimeUnit.SECONDS);
            ids.add(o.id());
            if (o.replayed()) {
                replays.incrementAndGet();
            }
        }
        assertEquals(1, ids.size());
        assertEquals(CLICKS - 1, replays.get());
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }

    @Test
    void concurrent_submits_without_a_key_make_one_registration_and_refuse_the_others() throws Exception {
        int created = 0;
        int refused = 0;
        for (Future<Object> f : submitTogether(null)) {
            Object result = f.get(60, TimeUnit.SECONDS);
            if (result instanceof RegistrationOutcome) {
                created++;
            } else {
                assertEquals("already_registered", result);
                refused++;
            }
        }
        assertEquals(1, created);
        assertEquals(CLICKS - 1, refused);
        assertEquals(1, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }
}
