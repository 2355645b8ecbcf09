package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.schedule.SessionChanges;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelled entries stay for keep-cancelled (10 days here), counted from the cancellation, then go. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
// every test rebuilds its data under the same slugs: no fingerprint may be trusted from one to the next
@Property(name = "rencontres.calendar.fingerprint-max-age", value = "PT0S")
@Property(name = "rencontres.calendar.keep-cancelled", value = "P10D")
@Property(name = "rencontres.calendar.cache-max-age", value = "PT0S")
class CancelledEntriesTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject SessionChanges sessionChanges;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
    }

    String feed(String path) {
        return Ics.text(client.toBlocking().retrieve(HttpRequest.GET(path), byte[].class));
    }

    @Test
    void a_cancelled_session_disappears_after_the_keep_period() throws Exception {
        sessionChanges.cancel(world.cafe.id(), "test");
        assertTrue(feed("/events/rencontres-2026/programme.ics").contains(world.uid(world.cafe)));
        cancelledAgo("event_session", world.cafe.id(), 9);
        assertTrue(feed("/events/rencontres-2026/programme.ics").contains(world.uid(world.cafe)));
        cancelledAgo("event_session", world.cafe.id(), 11);
        String text = feed("/events/rencontres-2026/programme.ics");
        assertFalse(text.contains(world.uid(world.cafe)));
        assertTrue(text.contains(world.uid(world.opening)));
    }

    @Test
    void a_cancelled_meeting_disappears_from_every_public_feed_after_the_keep_period() throws Exception {
        world.change(world.marocMeeting, f -> CalendarWorld.withStatus(f, EventStatus.CANCELLED));
        assertTrue(feed("/calendar.ics").contains(world.uid(world.marocMeeting)));
        cancelledAgo("event", world.marocMeeting.id(), 11);
        assertFalse(feed("/calendar.ics").contains(world.uid(world.marocMeeting)));
        assertFalse(feed("/groups/groupe-pays-maroc/meetings.ics").contains(world.uid(world.marocMeeting)));
    }

    /** Time passing, simulated: the cancellation happened {@code days} before the fixed clock. */
    private void cancelledAgo(String table, long id, int days) throws Exception {
        Instant at = Instant.parse("2026-05-01T08:00:00Z").minusSeconds(days * 86_400L);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET cancelled_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
