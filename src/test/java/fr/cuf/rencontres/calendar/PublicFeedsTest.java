package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
// every test rebuilds its data under the same slugs: no fingerprint may be trusted from one to the next
@Property(name = "rencontres.calendar.fingerprint-max-age", value = "PT0S")
class PublicFeedsTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
    }

    byte[] body(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), byte[].class);
    }

    List<String> uids(byte[] feed) {
        return Ics.events(feed).stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
    }

    @Test
    void group_feed_holds_the_groups_public_meetings_only() {
        byte[] feed = body("/groups/groupe-pays-maroc/meetings.ics");
        assertEquals(List.of(world.uid(world.marocMeeting)), uids(feed));
        assertTrue(Ics.text(feed).contains("X-WR-CALNAME:Groupe-pays Maroc — réunions"));
        VEvent meeting = Ics.event(feed, world.uid(world.marocMeeting));
        assertEquals("En ligne (visioconférence)", Ics.prop(meeting, "LOCATION"));
        assertTrue(Ics.prop(meeting, "DESCRIPTION").contains("Présidence : François Bonneau"), "the group's chair");
    }

    @Test
    void group_feed_keeps_a_year_of_past_meetings() {
        var old = world.fixtures.onlineMeeting(world.maroc, "maroc-2025-06", LocalDateTime.parse("2025-06-02T16:00"), false);
        var tooOld = world.fixtures.onlineMeeting(world.maroc, "maroc-2025-03", LocalDateTime.parse("2025-03-02T16:00"), false);
        List<String> uids = uids(body("/groups/groupe-pays-maroc/meetings.ics"));
        assertTrue(uids.contains(world.uid(old)));
        assertFalse(uids.contains(world.uid(tooOld)));
    }

    @Test
    void association_feed_holds_every_public_event_and_filters_by_pole_and_format() {
        List<String> all = uids(body("/calendar.ics"));
        assertEquals(3, all.size(), all.toString());
        assertTrue(all.contains(world.uid(world.conference)));
        assertEquals(List.of(world.uid(world.japonMeeting)), uids(body("/calendar.ics?pole=ASIE")));
        assertEquals(List.of(world.uid(world.marocMeeting)), uids(body("/calendar.ics?format=ONLINE")));
        assertEquals(List.of(), uids(body("/calendar.ics?pole=ASIE&format=ONLINE")));
        assertTrue(Ics.text(body("/calendar.ics?pole=ASIE")).contains("X-WR-CALNAME:Cités Unies France — événements — Asie"));
    }

    @Test
    void conference_edition_over_two_days_is_an_all_day_entry_in_the_association_feed() {
        String text = Ics.text(body("/calendar.ics"));
        assertTrue(text.contains("DTSTART;VALUE=DATE:20260708"), text);
        assertTrue(text.contains("DTEND;VALUE=DATE:20260710"), text);
    }

    @Test
    void members_only_events_are_listed_and_marked_but_never_carry_the_online_link() {
        byte[] feed = body("/calendar.ics");
        VEvent members = Ics.event(feed, world.uid(world.marocMeeting));
        assertTrue(Ics.prop(members, "DESCRIPTION").contains("Réservé aux collectivités adhérentes"));
        assertFalse(Ics.prop(Ics.event(feed, world.uid(world.japonMeeting)), "DESCRIPTION").contains("Réservé"));
        for (String path : List.of("/calendar.ics", "/groups/groupe-pays-maroc/meetings.ics",
                "/groups/groupe-pays-japon/meetings.ics", "/events/groupe-japon-2026-06-04/programme.ics",
                "/events/groupe-maroc-2026-05-18/programme.ics", "/events/rencontres-2026/programme.ics")) {
            assertFalse(Ics.text(body(path)).contains("visio.example.org"), path);
        }
    }

    @Test
    void moving_and_then_cancelling_a_meeting_raises_its_sequence_each_time() {
        world.change(world.marocMeeting, f -> CalendarWorld.movedTo(f, LocalDateTime.parse("2026-05-19T16:00")));
        VEvent moved = Ics.event(body("/groups/groupe-pays-maroc/meetings.ics"), world.uid(world.marocMeeting));
        assertEquals("1", Ics.prop(moved, "SEQUENCE"));
        assertEquals("CONFIRMED", Ics.prop(moved, "STATUS"));

        world.change(world.marocMeeting, f -> CalendarWorld.withStatus(f, EventStatus.CANCELLED));
        VEvent cancelled = Ics.event(body("/groups/groupe-pays-maroc/meetings.ics"), world.uid(world.marocMeeting));
        assertEquals("2", Ics.prop(cancelled, "SEQUENCE"));
        assertEquals("CANCELLED", Ics.prop(cancelled, "STATUS"));
        assertTrue(Ics.prop(cancelled, "SUMMARY").startsWith("ANNULÉ : "));

        world.change(world.marocMeeting, f -> new fr.cuf.rencontres.event.EventForm("Nouveau titre", f.slug(),
                f.kind(), f.summary(), f.series(), f.startsAt(), f.endsAt(), f.format(), f.venueId(), f.locationNote(),
                f.onlineLink(), f.membersOnly(), f.groupId(), f.capacity(), f.registrationOpensAt(),
                f.registrationClosesAt(), f.status()));
        assertEquals("2", Ics.prop(Ics.event(body("/groups/groupe-pays-maroc/meetings.ics"),
                world.uid(world.marocMeeting)), "SEQUENCE"), "a new title is not a move");
    }

    @Test
    void drafts_never_appear() {
        world.change(world.japonMeeting, f -> CalendarWorld.withStatus(f, EventStatus.DRAFT));
        assertFalse(uids(body("/calendar.ics")).contains(world.uid(world.japonMeeting)));
        assertEquals(List.of(), uids(body("/groups/groupe-pays-japon/meetings.ics")));
    }

    @Test
    void english_feed_on_request() {
        String text = Ics.text(body("/groups/groupe-pays-maroc/meetings.ics?lang=en"));
        assertTrue(text.contains("X-WR-CALNAME:Groupe-pays Maroc — meetings"));
        assertTrue(text.contains("Chair: François Bonneau"));
    }

    @Test
    void an_unknown_group_or_filter_is_refused() {
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> body("/groups/nope/meetings.ics")).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(HttpClientResponseException.class,
                () -> body("/calendar.ics?pole=ANTARCTIQUE")).getStatus());
    }

    @Test
    void pages_offer_subscribe_google_and_download_told_apart() {
        String event = page("/events/rencontres-2026");
        assertTrue(event.contains("href=\"webcal://localhost:8080/events/rencontres-2026/programme.ics\""), event);
        assertTrue(event.contains("value=\"http://localhost:8080/events/rencontres-2026/programme.ics\""));
        assertTrue(event.contains("href=\"https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost%3A8080%2Fevents%2Frencontres-2026%2Fprogramme.ics\""));
        assertTrue(event.contains("href=\"http://localhost:8080/events/rencontres-2026/programme.ics?download=1\" download"));
        assertTrue(event.contains("S&#x27;abonner") || event.contains("S'abonner"));
        assertTrue(event.contains("Ajouter à Google Agenda"));
        assertTrue(event.contains("Télécharger le .ics"));

        assertTrue(page("/groups/groupe-pays-maroc").contains("webcal://localhost:8080/groups/groupe-pays-maroc/meetings.ics"));
        String home = page("/?pole=ASIE&format=HYBRID");
        assertTrue(home.contains("webcal://localhost:8080/calendar.ics?"), home);
        assertTrue(home.contains("pole=ASIE") && home.contains("format=HYBRID"));

        String english = decode(client.toBlocking().retrieve(HttpRequest.GET("/groups/groupe-pays-maroc")
                .accept("text/html").cookie(io.micronaut.http.cookie.Cookie.of("lang", "en"))));
        assertTrue(english.contains("webcal://localhost:8080/groups/groupe-pays-maroc/meetings.ics?lang=en"));
        assertTrue(english.contains("Add to Google Calendar"));
    }

    /** The page with the entities Handlebars writes in attributes decoded, as a browser reads them. */
    String page(String path) {
        return decode(client.toBlocking().retrieve(HttpRequest.GET(path).accept("text/html")));
    }

    static String decode(String html) {
        return html.replace("&#x3D;", "=").replace("&amp;", "&");
    }
}
