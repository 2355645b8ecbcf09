package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class SignInTest {

    @Inject SignIn signIn;
    @Inject StaffAccounts admin;
    @Inject StaffDirectory directory;
    @Inject Fixtures fixtures;
    @Inject ReplayClock clock;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        fixtures.staff("alice", Role.ADMIN);
        fixtures.staff("bob", Role.REGISTRATION_DESK);
    }

    private SignIn.Outcome at(Instant when, String user, String password, String address) {
        return clock.at(when, () -> signIn.attempt(user, password, address));
    }

    @Test
    void five_failures_make_the_next_attempt_wait_even_with_the_right_password() {
        Instant t = Instant.now();
        for (int i = 0; i < 5; i++) {
            assertEquals("login_failed", at(t, "bob", "wrong-password-" + i, "10.0.0." + i).code());
        }
        assertEquals("sign_in_throttled", at(t.plusSeconds(10), "bob", Fixtures.PASSWORD, "10.0.0.9").code());
        assertTrue(at(t.plusSeconds(31), "bob", Fixtures.PASSWORD, "10.0.0.9").authentication().isPresent());
    }

    @Test
    void the_delay_grows_with_each_failure() {
        Instant t = Instant.now();
        for (int i = 0; i < 5; i++) {
            at(t, "bob", "wrong-password", "10.0.1." + i);
        }
        Instant sixth = t.plusSeconds(31);
        assertEquals("login_failed", at(sixth, "bob", "wrong-password", "10.0.1.9").code());
        // after the 6th failure, one minute
        assertEquals("sign_in_throttled", at(sixth.plusSeconds(45), "bob", Fixtures.PASSWORD, "10.0.1.9").code());
        assertTrue(at(sixth.plusSeconds(61), "bob", Fixtures.PASSWORD, "10.0.1.9").authentication().isPresent());
    }

    @Test
    void one_address_trying_many_accounts_is_throttled_after_twenty_failures() {
        Instant t = Instant.now();
        for (int i = 0; i < 19; i++) {
            at(t, "user" + i, "wrong-password", "192.0.2.7");
        }
        // a shared office address: colleagues' typos (19 here) do not lock the others out
        assertTrue(at(t.plusSeconds(1), "bob", Fixtures.PASSWORD, "192.0.2.7").authentication().isPresent());
        at(t.plusSeconds(1), "user19", "wrong-password", "192.0.2.7");
        at(t.plusSeconds(1), "user20", "wrong-password", "192.0.2.7");
        // 20 failures from one address (a password sprayed over accounts): the address waits, others do not
        assertEquals("sign_in_throttled", at(t.plusSeconds(2), "bob", Fixtures.PASSWORD, "192.0.2.7").code());
        assertTrue(at(t.plusSeconds(2), "bob", Fixtures.PASSWORD, "192.0.2.8").authentication().isPresent());
        assertTrue(at(t.plusSeconds(32), "bob", Fixtures.PASSWORD, "192.0.2.7").authentication().isPresent());
    }

    @Test
    void ten_failures_lock_the_account_and_mail_it_until_an_admin_unlocks() throws SQLException {
        setEmail("bob", "bob@example.org");
        Instant t = Instant.now();
        for (int i = 0; i < 10; i++) {
            t = t.plus(Duration.ofMinutes(16)); // past every wait
            at(t, "bob", "wrong-password", "10.0.2." + i);
        }
        assertTrue(directory.find("bob").orElseThrow().isLocked());
        assertEquals("account_locked", at(t.plus(Duration.ofMinutes(16)), "bob", Fixtures.PASSWORD, "10.0.3.1").code());
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'STAFF_LOCKED' AND recipient = 'bob@example.org'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'account_locked'"));

        admin.unlock(directory.find("bob").orElseThrow().id(), "alice");
        assertTrue(at(t.plus(Duration.ofMinutes(17)), "bob", Fixtures.PASSWORD, "10.0.3.2").authentication().isPresent());
    }

    @Test
    void an_unknown_name_is_answered_like_a_real_one() {
        Instant t = Instant.now();
        for (int i = 0; i < 5; i++) {
            assertEquals("login_failed", at(t, "nobody", "wrong-password", "10.0.4." + i).code());
        }
        assertEquals("sign_in_throttled", at(t.plusSeconds(1), "nobody", "wrong-password", "10.0.4.9").code());
        // and it costs the same: a dummy hash is checked. Known and unknown names alternate (each name and address
        // once, so no throttle cuts an attempt short), so a change of machine load hits both alike; medians of 7.
        for (int i = 0; i < 7; i++) {
            fixtures.staff("known" + i, Role.REGISTRATION_DESK);
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            known.add(time(() -> signIn.attempt("known" + n, "wrong-password", "10.1.0." + n)));
            unknown.add(time(() -> signIn.attempt("unknown" + n, "wrong-password", "10.2.0." + n)));
        }
        long k = median(known);
        long u = median(unknown);
        assertTrue(u > k / 2 && u < k * 2, "known " + k + " ns, unknown " + u + " ns (" + known + " / " + unknown + ")");
    }

    @Test
    void every_attempt_is_in_the_audit_log_with_its_address() throws SQLException {
        signIn.attempt("alice", "wrong-password", "203.0.113.5");
        signIn.attempt("alice", Fixtures.PASSWORD, "203.0.113.5");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sign_in_failed' AND actor = 'alice'"
                + " AND detail LIKE '%203.0.113.5%'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'sign_in_succeeded' AND actor = 'alice'"));
        assertTrue(directory.find("alice").orElseThrow().lastSignInAt() != null);
    }

    @Test
    void concurrent_guesses_get_no_more_than_five_password_checks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                guesses.add(() -> signIn.attempt("bob", "guess-number-" + n, "198.51.100." + n).code());
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(guesses)) {
                codes.add(f.get());
            }
            assertEquals(5, Collections.frequency(codes, "login_failed"), codes.toString());
            assertEquals(19, Collections.frequency(codes, "sign_in_throttled"), codes.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void passwords_shorter_than_12_or_common_are_refused() {
        assertEquals("password_too_short", assertThrows(DomainException.class,
                () -> directory.create("carol", "Carol", "short-pass", EnumSet.of(Role.SCANNER))).problems().get(0).code());
        assertEquals("password_too_common", assertThrows(DomainException.class,
                () -> directory.create("carol", "Carol", "Password1234", EnumSet.of(Role.SCANNER))).problems().get(0).code());
        assertEquals("password_contains_username", assertThrows(DomainException.class,
                () -> directory.create("carol", "Carol", "carol-is-my-name", EnumSet.of(Role.SCANNER))).problems().get(0).code());
        assertFalse(directory.find("carol").isPresent());
        directory.create("carol", "Carol", "sept chats gris", EnumSet.of(Role.SCANNER));
    }

    private static long time(Runnable attempt) {
        long start = System.nanoTime();
        attempt.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private void setEmail(String user, String email) throws SQLException {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE staff_account SET email = ? WHERE username = ?")) {
            s.setString(1, email);
            s.setString(2, user);
            s.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
