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
    void the_demo_edition_gets_400_fictitious_registrations_spread_over_categories_sessions_and_statuses() {
        TestDatabase.clean(dataSource);
        long started = System.nanoTime();
        loader.load();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Demo data with 400 registrations loaded in " + millis + " ms");
        String event = "(SELECT id FROM event WHERE slug = 'rencontres-aict-2026')";
        assertEquals(400, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration WHERE event_id = " + event));
        for (String status : new String[] {"CONFIRMED", "PENDING_PAYMENT", "CANCELLED"}) {
            assertTrue(TestSql.count(dataSource, "SELECT COUNT(*) FROM registration WHERE status = '" + status + "'") > 5, status);
        }
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT price_category) FROM registration") >= 5);
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT organisation_id) FROM registration") >= 30);
        assertTrue(TestSql.count(dataSource, "SELECT COUNT(DISTINCT session_id) FROM registration_session") >= 10);
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM person p JOIN registration r ON r.person_id = p.id"
                + " WHERE p.email NOT LIKE '%@example.org'"), "fictitious e-mails only");
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM mail_outbox"), "the demo mails no one");
    }
}
