package fr.cuf.rencontres.bench;

import fr.cuf.rencontres.badge.BadgeTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Seeds the PostgreSQL database of the HTTP check-in benchmark ({@code src/bench/checkin/wrk.sh}): an
 * event, {@code bench.people} confirmed registrations, and their signed badge codes written one a line to
 * {@code bench.codes} for wrk to send. The service started afterwards must use the same
 * {@code rencontres.security.secret} (the event's private key is stored encrypted under it). Empties the tables.
 */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.codes", matches = ".+",
        disabledReason = "seeds the wrk benchmark only when asked: -Dbench.codes=/path/codes.txt")
class CheckinHttpSeed {

    static final int PEOPLE = Integer.getInteger("bench.people", 30_000);

    @Inject DataSource dataSource;
    @Inject EventService events;
    @Inject BadgeTokens tokens;

    @Test
    void seed_registrations_and_write_their_codes() throws Exception {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("checkin_presence", "checkin_scan", "badge_print_item", "badge_print_run",
                    "badge_signing_key", "registration_session", "registration", "event_session", "event", "person")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        Event event = events.create(new EventForm("17es Rencontres de l'AICT", "bench-http-2026",
                EventKind.CONFERENCE_EDITION, null, null, LocalDateTime.parse("2026-07-08T08:00"),
                LocalDateTime.parse("2026-07-09T18:30"), EventFormat.ONLINE, null, null,
                "https://visio.example.org/bench", false, null, null, null, null, EventStatus.PUBLISHED), "bench");
        Path out = Path.of(System.getProperty("bench.codes"));
        try (Connection c = raw.getConnection()) {
            try (PreparedStatement people = c.prepareStatement("""
                    INSERT INTO person (first_name, last_name, function_title, elected_official, created_at, updated_at)
                    SELECT 'Prénom' || g, 'Nom-Dupont-Aignan ' || g, 'Adjointe au maire', TRUE, now(), now()
                      FROM generate_series(1, ?) g""")) {
                people.setInt(1, PEOPLE);
                people.executeUpdate();
            }
            try (PreparedStatement registrations = c.prepareStatement("""
                    INSERT INTO registration (event_id, person_id, participant_type, status, price_cents, badge_version,
                                              created_at, updated_at)
                    SELECT ?, id, 'ELECTED_OFFICIAL', 'CONFIRMED', 0, 1, now(), now() FROM person""")) {
                registrations.setLong(1, event.id());
                registrations.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id FROM registration WHERE event_id = " + event.id() + " ORDER BY random()");
                 PrintWriter codes = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII))) {
                List<Long> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                tokens.issue(ids.get(0), event.id(), 1);
                ids.parallelStream().map(id -> tokens.issue(id, event.id(), 1)).toList().forEach(codes::println);
            }
        }
        System.out.printf("seeded %d registrations of event %s; codes in %s%n", PEOPLE, event.slug(), out);
    }
}
