package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class ProgrammePublisherTest {

    @Inject DataSource dataSource;
    @Inject ScheduleFixtures fixtures;
    @Inject ProgrammePublisher publisher;
    @Inject SessionEditor editor;
    @Inject ProgrammeService programmes;
    @Inject @Client("/") HttpClient client;
    @Inject fr.cuf.rencontres.registration.ProgrammeChangeMails programmeChangeMails;

    ScheduleFixtures.Small s;
    Session chine;
    Session vietnam;
    Session coree;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = fixtures.small();
        chine = fixtures.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), s.benoit());
        vietnam = fixtures.session(s, "Point Vietnam", "2026-07-08T11:00", 90, s.iena(), s.katja());
        coree = fixtures.session(s, "Point Corée", "2026-07-08T14:00", 90, s.kleber(), null);
    }

    @Test
    void publishing_is_refused_while_a_hard_conflict_remains_and_names_it() {
        editor.place(s.event().id(), coree.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(11, 30),
                90, s.kleber().id()), "prog");
        DomainException e = assertThrows(DomainException.class, () -> publisher.publish(s.event(), "prog"));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        Problem p = e.problems().get(0);
        assertEquals("unpublishable_conflict", p.code());
        assertEquals("room_double_booked", p.args().get(0));
        assertTrue(programmes.latestChanges(s.event().id()).isEmpty(), "nothing published");
    }

    @Test
    void version_two_lists_what_changed_notifies_registrants_and_is_what_the_public_sees() throws Exception {
        long reg = register(s.katja().id(), chine.id(), vietnam.id());
        register(s.benoit().id(), coree.id());
        assertEquals(1, publisher.publish(s.event(), "prog").version().number());

        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(9, 0),
                90, s.kleber().id()), "prog");
        editor.place(s.event().id(), coree.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(14, 0),
                90, s.iena().id()), "prog");
        editor.cancel(s.event().id(), vietnam.id(), "délégation absente", "prog");
        Session added = fixtures.session(s, "Point Japon", "2026-07-09T14:00", 90, s.iena(), null);
        // work in progress after publishing: not public
        editor.place(s.event().id(), added.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(15, 0),
                60, s.iena().id()), "prog");

        ProgrammePublisher.Published v2 = publisher.publish(s.event(), "prog");
        assertEquals(2, v2.version().number());
        List<String> kinds = v2.changes().stream().map(c -> c.changeKind() + " " + c.title()).sorted().toList();
        assertEquals(List.of("ADDED Point Japon", "CANCELLED Point Vietnam", "MOVED Point Chine",
                "REROOMED Point Corée"), kinds);
        assertEquals(3, v2.notifications(), "katja: chine + vietnam, benoit: corée");
        assertEquals(List.of(reg + " CANCELLED", reg + " MOVED"), notifications(v2.version().id()).subList(0, 2));

        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(16, 30),
                90, s.kleber().id()), "prog");
        String html = client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026").accept("text/html"));
        assertTrue(html.contains("Ce qui a changé depuis la version") && html.contains(">1<") || html.contains("version 1"), html);
        assertTrue(html.contains("Annulée"));
        assertTrue(html.contains("09:00"), "the published slot of Point Chine");
        assertFalse(html.contains("16:30"), "work in progress is never public");
    }

    @Test
    void each_affected_registrant_gets_one_programme_change_mail_per_version_queued_as_it_is_published() throws Exception {
        long katja = register(s.katja().id(), chine.id(), vietnam.id());
        long benoit = register(s.benoit().id(), coree.id());
        long imported = register(s.katja().id(), chine.id());
        address(katja, "katja@example.org", "fr");
        address(benoit, "benoit@example.org", "en");
        publisher.publish(s.event(), "prog");
        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(9, 0),
                90, s.kleber().id()), "prog");
        editor.cancel(s.event().id(), vietnam.id(), "délégation absente", "prog");
        editor.place(s.event().id(), coree.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(14, 0),
                90, s.iena().id()), "prog");
        publisher.publish(s.event(), "prog");

        // mail is off in tests: the mails are in the outbox all the same, nothing left to queue
        assertEquals(0, programmeChangeMails.queuePending(), "nothing is mailed twice");
        try (Connection c = raw().getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT registration_id, note FROM mail_outbox WHERE kind = 'PROGRAMME_CHANGE' ORDER BY registration_id");
            assertTrue(rs.next());
            assertEquals(katja, rs.getLong(1));
            String french = rs.getString(2);
            assertTrue(french.contains("Point Chine — déplacée : mer. 8 juillet 11:00–12:30, Salon Kléber → jeu. 9 juillet 09:00–10:30, Salon Kléber"), french);
            assertTrue(french.contains("Point Vietnam — annulée"), french);
            assertTrue(rs.next());
            assertEquals(benoit, rs.getLong(1));
            String english = rs.getString(2);
            assertTrue(english.contains("Point Corée — new room: Wed 8 July 14:00–15:30, Salon Kléber → Wed 8 July 14:00–15:30, Grand Salon Iéna"), english);
            assertFalse(rs.next(), "no mail for a registration without an address (#" + imported + ")");
            ResultSet left = st.executeQuery("SELECT COUNT(*) FROM programme_notification WHERE sent_at IS NULL");
            left.next();
            assertEquals(0, left.getLong(1));
        }
    }

    @Test
    void a_change_mail_says_when_the_moved_session_now_clashes_with_another_choice() throws Exception {
        long katja = register(s.katja().id(), chine.id(), coree.id());
        address(katja, "katja@example.org", "fr");
        publisher.publish(s.event(), "prog");
        editor.place(s.event().id(), coree.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(11, 0),
                90, s.iena().id()), "prog");
        editor.cancel(s.event().id(), vietnam.id(), "absente", "prog");
        publisher.publish(s.event(), "prog");
        try (Connection c = raw().getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT note FROM mail_outbox WHERE kind = 'PROGRAMME_CHANGE'");
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("a désormais lieu en même temps que « Point Chine »"), rs.getString(1));
        }
    }

    @Test
    void publishing_again_without_any_change_is_refused_as_nothing_to_publish() {
        publisher.publish(s.event(), "prog");
        assertTrue(publisher.preview(s.event()).unchanged());
        DomainException e = assertThrows(DomainException.class, () -> publisher.publish(s.event(), "prog"));
        assertEquals("nothing_to_publish", e.problems().get(0).code());
        assertEquals(1, programmes.latestChanges(s.event().id()).orElseThrow().version(), "no empty version 2");
    }

    @Test
    void a_session_placed_for_the_first_time_since_the_last_version_is_added_not_moved() {
        Session later = fixtures.session(s, "Point Japon", "2026-07-09T14:00", 90, s.iena(), null);
        editor.unschedule(s.event().id(), later.id(), "prog");
        publisher.publish(s.event(), "prog");
        editor.place(s.event().id(), later.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(14, 0),
                90, s.iena().id()), "prog");
        editor.unschedule(s.event().id(), coree.id(), "prog");
        List<String> kinds = publisher.publish(s.event(), "prog").changes().stream()
                .map(c -> c.changeKind() + " " + c.title()).sorted().toList();
        assertEquals(List.of("ADDED Point Japon", "REMOVED Point Corée"), kinds);
    }

    @Test
    void the_preview_lists_each_change_with_the_registrants_it_touches_and_writes_nothing() throws Exception {
        register(s.katja().id(), chine.id());
        register(s.benoit().id(), chine.id());
        publisher.publish(s.event(), "prog");
        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(9, 0),
                90, s.kleber().id()), "prog");
        ProgrammePublisher.Preview preview = publisher.preview(s.event());
        assertTrue(preview.publishable());
        assertEquals(1, preview.lines().size());
        assertEquals(ProgrammeChange.Kind.MOVED, preview.lines().get(0).change().changeKind());
        assertEquals(2, preview.lines().get(0).registrants());
        assertEquals(1, programmes.latestChanges(s.event().id()).orElseThrow().version(), "still version 1");
    }

    private void address(long registrationId, String email, String locale) throws Exception {
        try (Connection c = raw().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO registration_detail (registration_id, event_id, email, secret_hash, locale) VALUES ("
                    + registrationId + ", " + s.event().id() + ", '" + email + "', 'x" + registrationId + "', '" + locale + "')");
        }
    }

    private DataSource raw() {
        return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private long register(long personId, long... sessionIds) throws Exception {
        try (Connection c = raw().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO registration (event_id, person_id, participant_type, status, created_at, updated_at) "
                    + "VALUES (" + s.event().id() + ", " + personId + ", '" + ParticipantType.values()[0].name()
                    + "', 'CONFIRMED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            ResultSet rs = st.executeQuery("SELECT MAX(id) FROM registration");
            rs.next();
            long id = rs.getLong(1);
            for (long session : sessionIds) {
                st.executeUpdate("INSERT INTO registration_session (registration_id, session_id, status, created_at) "
                        + "VALUES (" + id + ", " + session + ", 'CONFIRMED', CURRENT_TIMESTAMP)");
            }
            return id;
        }
    }

    private List<String> notifications(long versionId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = raw().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT registration_id, change_kind FROM programme_notification WHERE version_id = "
                     + versionId + " ORDER BY registration_id, change_kind")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
