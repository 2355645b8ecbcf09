package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.demo.DemoDataLoader;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class DemoRegistrationsTest {

    @Inject DemoDataLoader loader;
    @Inject DataSource dataSource;

    @Test
    void the_next_edition_gets_490_fictitious_registrations_spread_over_categories_sessions_and_statuses() {
        TestDatabase.clean(dataSource);
        long started = System.nanoTime();
        loader.load();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Demo data with its registrations, invoices and attendance loaded in " + millis + " ms");
        String event = "(SELECT MAX(id) FROM event WHERE kind = 'CONFERENCE_EDITION' AND starts_at = "
                + "(SELECT MAX(starts_at) FROM event WHERE kind = 'CONFERENCE_EDITION'))";
        assertEquals(490, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration WHERE event_id = " + event));
        for (String status : new String[] {"CONFIRMED", "PENDING_PAYMENT", "CANCELLED"}) {
            assertTrue(TestSql.count(dataSource, "SELECT COUNT(*) FROM registration WHERE status = '" + status + "' AND event_id = " + event) > 5, status);
        }
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT price_category) FROM registration") >= 5);
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT organisation_id) FROM registration") >= 30);
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT session_id) FROM registration_session") >= 10);
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM person p JOIN registration r ON r.person_id = p.id"
                + " WHERE p.email NOT LIKE '%@example.org'"), "fictitious e-mails only");
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM mail_outbox"), "the demo mails no one");
    }
}
