package fr.cuf.rencontres.mail;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A link secret left in clear by an older version (or moved from staff_mail by V184) is sealed at start-up. */
@DatabaseTest
class UnsealedLinksTest {

    @Inject UnsealedLinks unsealed;
    @Inject OutboxSeal seal;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @Test
    void a_clear_link_secret_left_by_an_older_version_is_sealed_and_still_opens() throws Exception {
        TestDatabase.clean(dataSource);
        fixtures.staff("bob", Role.REGISTRATION_DESK);
        String clear = "clear-secret-of-an-old-reset-mail-0123456789";
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO mail_outbox (account_id, kind, recipient, locale, link_secret, status, attempts,
                                             next_attempt_at, created_at)
                    SELECT id, 'STAFF_PASSWORD_RESET', 'bob@example.org', 'fr', ?, 'PENDING', 0, CURRENT_TIMESTAMP,
                           CURRENT_TIMESTAMP FROM staff_account WHERE username = 'bob'""")) {
                insert.setString(1, clear);
                assertEquals(1, insert.executeUpdate());
            }
            assertEquals(1, unsealed.sealAll());
            assertEquals(0, unsealed.sealAll(), "sealed once");
            try (ResultSet row = c.createStatement().executeQuery("SELECT link_secret FROM mail_outbox")) {
                row.next();
                String stored = row.getString(1);
                assertTrue(stored.startsWith("g1.") && !stored.contains(clear), stored);
                assertEquals(clear, seal.open(stored));
            }
        }
    }
}
