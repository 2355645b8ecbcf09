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
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class StaffSessionsTest {

    @Inject StaffSessions sessions;
    @Inject StaffAccounts accounts;
    @Inject PasswordChange passwords;
    @Inject StaffDirectory directory;
    @Inject Fixtures fixtures;
    @Inject ReplayClock clock;
    @Inject DataSource dataSource;

    long bob;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        fixtures.staff("bob", Role.REGISTRATION_DESK);
        bob = directory.find("bob").orElseThrow().id();
    }

    @Test
    void a_session_unused_for_two_hours_ends() {
        Instant t = Instant.now();
        String id = clock.at(t, () -> sessions.open(bob));
        assertTrue(clock.at(t.plus(Duration.ofMinutes(119)), () -> sessions.holder(id)).isPresent());
        // used at 1 h 59: idle again from then
        assertTrue(clock.at(t.plus(Duration.ofMinutes(119 + 119)), () -> sessions.holder(id)).isPresent());
        assertTrue(clock.at(t.plus(Duration.ofMinutes(119 + 119 + 121)), () -> sessions.holder(id)).isEmpty());
    }

    @Test
    void a_session_in_constant_use_ends_after_twelve_hours() {
        Instant t = Instant.now();
        String id = clock.at(t, () -> sessions.open(bob));
        for (int h = 1; h < 12; h++) {
            Instant at = t.plus(Duration.ofHours(h));
            assertTrue(clock.at(at, () -> sessions.holder(id)).isPresent(), "hour " + h);
        }
        assertTrue(clock.at(t.plus(Duration.ofHours(12)).plusSeconds(1), () -> sessions.holder(id)).isEmpty());
    }

    @Test
    void a_password_change_ends_every_session_of_the_account() {
        String first = sessions.open(bob);
        String second = sessions.open(bob);
        passwords.change("bob", Fixtures.PASSWORD, "une autre phrase longue", "une autre phrase longue");
        assertTrue(sessions.holder(first).isEmpty());
        assertTrue(sessions.holder(second).isEmpty());
    }

    @Test
    void a_password_change_needs_the_current_password_and_a_good_new_one() {
        String id = sessions.open(bob);
        assertEquals("current_password_wrong", assertThrows(DomainException.class, () -> passwords.change("bob",
                "not-the-password", "une autre phrase longue", "une autre phrase longue")).problems().get(0).code());
        assertEquals("password_too_short", assertThrows(DomainException.class, () -> passwords.change("bob",
                Fixtures.PASSWORD, "court", "court")).problems().get(0).code());
        assertEquals("password_confirmation_differs", assertThrows(DomainException.class, () -> passwords.change(
                "bob", Fixtures.PASSWORD, "une autre phrase longue", "une autre phrase")).problems().get(0).code());
        assertTrue(sessions.holder(id).isPresent());
    }

    @Test
    void a_disabled_account_loses_its_sessions() {
        fixtures.staff("alice", Role.ADMIN);
        String id = sessions.open(bob);
        accounts.setEnabled(bob, false, "alice");
        assertTrue(sessions.holder(id).isEmpty());
    }
}
