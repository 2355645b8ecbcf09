package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.TotpCodes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class SecondStepTest {

    // the start of a 30-second step, so that "one step later" is exactly +30 s
    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Inject SignIn signIn;
    @Inject SecondStep secondStep;
    @Inject SecondFactors factors;
    @Inject SecondFactorCheck check;
    @Inject StaffRepository accounts;
    @Inject Fixtures fixtures;
    @Inject ReplayClock clock;
    @Inject DataSource dataSource;

    String secret;
    List<String> recoveryCodes;

    @BeforeEach
    void enrolled() {
        TestDatabase.clean(dataSource);
        fixtures.staff("alice", Role.PROGRAMME);
        fixtures.staff("bob", Role.PROGRAMME);
        secret = clock.at(T0.minusSeconds(600), () -> factors.start("alice")).secret();
        recoveryCodes = clock.at(T0.minusSeconds(600),
                () -> factors.confirm("alice", TotpCodes.at(secret, T0.minusSeconds(600))));
    }

    private SignIn.Outcome password(Instant at, String address) {
        return clock.at(at, () -> signIn.attempt("alice", Fixtures.PASSWORD, address));
    }

    private String challenge(Instant at) {
        SignIn.Outcome outcome = password(at, "192.0.2.1");
        assertTrue(outcome.secondStep(), "the right password of an account with a factor asks for the code");
        return clock.at(at, () -> secondStep.begin(outcome.accountId()));
    }

    private SignIn.Outcome code(Instant at, String challenge, String code) {
        return clock.at(at, () -> secondStep.attempt(challenge, code, "192.0.2.1"));
    }

    @Test
    void the_code_of_the_app_opens_the_sign_in_and_a_wrong_one_does_not() {
        String challenge = challenge(T0);
        assertEquals("second_factor_invalid", code(T0, challenge, "000000").code());
        assertEquals("second_factor_invalid", code(T0, challenge, "not a code").code());
        SignIn.Outcome ok = code(T0, challenge, TotpCodes.at(secret, T0));
        assertEquals("ok", ok.code());
        assertEquals("alice", ok.authentication().orElseThrow().getName());
        assertFalse(ok.secondStep());
        assertEquals("second_factor_expired", code(T0, challenge, TotpCodes.at(secret, T0.plusSeconds(30))).code(),
                "a challenge opens one session only");
    }

    @Test
    void a_code_is_accepted_once() {
        assertEquals("ok", code(T0, challenge(T0), TotpCodes.at(secret, T0)).code());
        assertEquals("second_factor_invalid", code(T0.plusSeconds(5), challenge(T0.plusSeconds(5)),
                TotpCodes.at(secret, T0)).code(), "the same code again is a replay");
        assertEquals("second_factor_invalid", code(T0.plusSeconds(35), challenge(T0.plusSeconds(35)),
                TotpCodes.at(secret, T0)).code(), "and an older code after a newer one never passes");
        assertEquals("ok", code(T0.plusSeconds(35), challenge(T0.plusSeconds(35)),
                TotpCodes.at(secret, T0.plusSeconds(35))).code());
    }

    @Test
    void a_phone_one_step_off_passes_two_steps_off_does_not() {
        assertEquals("second_factor_invalid", code(T0, challenge(T0), TotpCodes.at(secret, T0.minusSeconds(60))).code());
        assertEquals("second_factor_invalid", code(T0, challenge(T0), TotpCodes.at(secret, T0.plusSeconds(60))).code());
        assertEquals("ok", code(T0, challenge(T0), TotpCodes.at(secret, T0.minusSeconds(30))).code(), "30 s late");
        assertEquals("ok", code(T0, challenge(T0), TotpCodes.at(secret, T0.plusSeconds(30))).code(), "30 s early");
    }

    @Test
    void a_recovery_code_works_once_and_is_audited() throws SQLException {
        assertEquals(10, recoveryCodes.size());
        String code = recoveryCodes.get(3);
        assertEquals("ok", code(T0, challenge(T0), code.toLowerCase().replace("-", " ")).code(),
                "typed in lower case with spaces, as people copy it");
        assertEquals("second_factor_invalid", code(T0.plusSeconds(1), challenge(T0.plusSeconds(1)), code).code());
        assertEquals(9, factors.status(accountId()).orElseThrow().recoveryCodesLeft());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'recovery_code_used' AND detail = '9 recovery codes left'"));
    }

    @Test
    void wrong_codes_count_in_the_sign_in_throttle_and_a_right_password_does_not_clear_them() {
        Instant t = T0;
        String last = null;
        for (int i = 0; i < 5; i++) {
            // the right password again before each guess: it must not wipe the count of wrong codes
            last = challenge(t);
            assertEquals("second_factor_invalid", code(t, last, "11111" + i).code());
        }
        String challenge = last;
        assertEquals("sign_in_throttled", code(t.plusSeconds(1), challenge, TotpCodes.at(secret, t)).code(),
                "after five wrong codes even the right one waits");
        assertEquals("sign_in_throttled", password(t.plusSeconds(2), "198.51.100.7").code(),
                "and so does the password, from another address");
        Instant later = t.plusSeconds(31);
        assertEquals("ok", code(later, challenge(later), TotpCodes.at(secret, later)).code(),
                "once the wait is over, the password and then the code pass");
        assertEquals("login_failed", clock.at(later, () -> signIn.attempt("alice", "wrong", "203.0.113.9")).code(),
                "a right code clears the account's count: the next wrong password is not throttled");
    }

    @Test
    void ten_wrong_codes_in_a_row_lock_the_account() {
        Instant t = T0;
        for (int i = 0; i < 9; i++) {
            assertEquals("second_factor_invalid", code(t, challenge(t), "22222" + i).code());
            t = t.plus(SignInThrottle.MAX_WAIT).plusSeconds(1);
        }
        assertEquals("account_locked", code(t, challenge(t), "333333").code());
        assertTrue(accounts.findByUsername("alice").orElseThrow().isLocked());
    }

    @Test
    void the_code_page_expires_after_five_minutes() {
        String challenge = challenge(T0);
        Instant late = T0.plus(SecondStep.VALID).plusSeconds(1);
        assertEquals("second_factor_expired", code(late, challenge, TotpCodes.at(secret, late)).code());
        assertEquals("second_factor_expired", code(T0, "forged-" + "x".repeat(36), TotpCodes.at(secret, T0)).code());
    }

    @Test
    void the_secret_is_sealed_in_the_database() throws SQLException {
        try (Connection c = raw().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_sealed FROM staff_second_factor")) {
            assertTrue(rs.next());
            String stored = rs.getString(1);
            assertTrue(stored.startsWith("g1."), stored);
            assertFalse(stored.contains(secret));
        }
        for (String code : recoveryCodes) {
            assertEquals(0, count("SELECT COUNT(*) FROM staff_recovery_code WHERE code_hash = '" + code + "'"));
        }
    }

    @Test
    void an_enrolment_is_active_only_once_a_first_code_is_typed() {
        SecondFactors.Enrolment bob = clock.at(T0, () -> factors.start("bob"));
        assertFalse(clock.at(T0, () -> signIn.attempt("bob", Fixtures.PASSWORD, "192.0.2.2")).secondStep(),
                "until confirmed, the password alone still signs in");
        DomainException wrong = assertThrows(DomainException.class, () -> clock.at(T0, () -> factors.confirm("bob", "123456")));
        assertEquals("second_factor_invalid", wrong.code());
        clock.at(T0, () -> factors.confirm("bob", TotpCodes.at(bob.secret(), T0)));
        assertTrue(clock.at(T0, () -> signIn.attempt("bob", Fixtures.PASSWORD, "192.0.2.2")).secondStep());
        assertEquals("second_factor_already_active", assertThrows(DomainException.class,
                () -> factors.start("bob")).code());
    }

    @Test
    void turning_off_asks_the_password_and_a_current_code() {
        Instant t = T0.plusSeconds(90);
        assertEquals("current_password_wrong", assertThrows(DomainException.class,
                () -> clock.at(t, () -> { factors.turnOff("alice", "wrong", TotpCodes.at(secret, t)); return null; })).code());
        assertEquals("second_factor_invalid", assertThrows(DomainException.class,
                () -> clock.at(t, () -> { factors.turnOff("alice", Fixtures.PASSWORD, "000000"); return null; })).code());
        clock.run(t, () -> factors.turnOff("alice", Fixtures.PASSWORD, TotpCodes.at(secret, t)));
        assertFalse(password(t, "192.0.2.1").secondStep());
    }

    @Test
    void an_admin_resets_another_accounts_factor_but_not_their_own() throws SQLException {
        fixtures.staff("root", Role.ADMIN);
        long alice = accountId();
        assertEquals("second_factor_reset_own", assertThrows(DomainException.class, () -> factors.reset(alice, "alice")).code());
        factors.reset(alice, "root");
        assertFalse(factors.isActive(alice));
        assertEquals(0, count("SELECT COUNT(*) FROM staff_recovery_code"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'second_factor_reset' AND actor = 'root'"));
        assertEquals("second_factor_not_active", assertThrows(DomainException.class, () -> factors.reset(alice, "root")).code());
    }

    private DataSource raw() {
        return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private long accountId() {
        return accounts.findByUsername("alice").orElseThrow().id();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = raw().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
