package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class AgendaTokensTest {

    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject AgendaTokens tokens;
    @Inject CalendarRepository rows;

    Registration registration;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
        registration = world.register(world.chair, world.japonMeeting, RegistrationStatus.CONFIRMED);
    }

    @Test
    void tokens_carry_256_random_bits_and_resolve_to_their_registration() {
        String token = token(tokens.issue(registration.id(), "test").https());
        assertEquals(43, token.length());
        assertEquals(registration.id(), tokens.registrationOf(token).orElseThrow());
        assertTrue(tokens.registrationOf(token.substring(1) + "A").isEmpty());
    }

    @Test
    void concurrent_renewals_leave_exactly_one_working_address() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return token(tokens.renew(registration.id(), "test").https());
            }));
        }
        start.countDown();
        List<String> issued = new ArrayList<>();
        for (Future<String> f : results) {
            issued.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, rows.countActive(registration.id()));
        assertEquals(1, issued.stream().filter(t -> tokens.registrationOf(t).isPresent()).count());
    }

    static String token(String https) {
        String path = URI.create(https).getPath();
        return path.substring("/calendar/".length(), path.length() - ".ics".length());
    }
}
