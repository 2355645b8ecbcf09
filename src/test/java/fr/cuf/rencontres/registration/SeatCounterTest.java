package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seats a session holds ({@code event_session.taken}, read by the seat check under the session's lock) follow
 * every route that changes a choice: registration, waiting list, move, cancellation with promotion, and rows
 * written or deleted by plain SQL (erasure, cascades), on both databases.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class SeatCounterTest {

    @Inject RegistrationService service;
    @Inject RegistrationChanges changes;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;

    Event event;
    Session climat;
    Session genre;
    Organisation dijon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        Venue venue = fixtures.venue();
        dijon = fixtures.member();
        event = fixtures.conference(venue, 3);
        climat = fixtures.session(event, "Atelier Climat", LocalDateTime.parse("2026-07-08T14:30"), null, 1, false);
        genre = fixtures.session(event, "Atelier Genre", LocalDateTime.parse("2026-07-08T14:30"), null, 10, false);
    }

    private RegistrationOutcome register(String email, List<Long> sessions) {
        return service.register(event.slug(), RegistrationFixtures.request("Awa", email, dijon, sessions, true),
                Submission.api(null));
    }

    private long counter(Session s) {
        return TestSql.count(dataSource, "SELECT taken FROM event_session WHERE id = " + s.id());
    }

    private long held(Session s) {
        return TestSql.count(dataSource, "SELECT COUNT(*) FROM registration_session WHERE session_id = " + s.id()
                + " AND status = 'CONFIRMED'");
    }

    private void assertCounted(long climatSeats, long genreSeats) {
        assertEquals(climatSeats, held(climat), "confirmed choices of Climat");
        assertEquals(genreSeats, held(genre), "confirmed choices of Genre");
        assertEquals(held(climat), counter(climat), "Climat's counter");
        assertEquals(held(genre), counter(genre), "Genre's counter");
    }

    @Test
    void the_counter_follows_seats_given_waited_for_moved_cancelled_and_promoted() {
        RegistrationOutcome holder = register("a@example.org", List.of(climat.id()));
        RegistrationOutcome waiting = register("b@example.org", List.of(climat.id()));
        assertCounted(1, 0);
        assertEquals("WAITLISTED", waiting.sessions().get(0).status());

        changes.changeSessions(holder.id(), List.of(genre.id()), "test");
        assertCounted(1, 1);

        RegistrationOutcome third = register("c@example.org", List.of(genre.id()));
        changes.cancel(third.id(), "test", true);
        assertCounted(1, 1);

        changes.cancel(waiting.id(), "test", true);
        assertCounted(0, 1);
    }

    @Test
    void the_counter_follows_rows_written_and_deleted_without_the_service() throws SQLException {
        RegistrationOutcome holder = register("a@example.org", List.of(genre.id()));
        register("b@example.org", List.of(genre.id()));
        assertCounted(0, 2);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("UPDATE registration_session SET session_id = " + climat.id() + " WHERE registration_id = "
                    + holder.id());
            assertCounted(1, 1);
            s.executeUpdate("DELETE FROM registration WHERE id = " + holder.id());
            assertCounted(0, 1);
            s.executeUpdate("DELETE FROM registration_session");
        }
        assertCounted(0, 0);
    }
}
