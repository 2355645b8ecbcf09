package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class PublicPagesTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject EventService events;

    Group maroc;
    Person chair;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        var region = fixtures.dijon();
        chair = fixtures.person("François", "Bonneau", "Président de la Région Centre-Val de Loire", region);
        maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, chair);
        Venue venue = fixtures.artsEtMetiers();
        Room iena = fixtures.room(venue, "Grand Salon Iéna", 450);
        Room eiffel = fixtures.room(venue, "Salon Eiffel", 150);
        Event conference = fixtures.conference(venue, EventStatus.PUBLISHED);
        fixtures.session(conference, "Ouverture officielle", SessionKind.PLENARY,
                LocalDateTime.parse("2026-07-08T09:00"), 90, iena, chair);
        fixtures.session(conference, "Point Maroc", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, chair);
        fixtures.onlineMeeting(maroc, "groupe-maroc-2026-05-18", LocalDateTime.parse("2026-05-18T16:00"), true);
    }

    private String get(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).accept("text/html"));
    }

    @Test
    void home_lists_upcoming_published_events_with_their_group() {
        String html = get("/");
        assertTrue(html.contains("17es Rencontres de l&#x27;AICT") || html.contains("17es Rencontres de l'AICT"), html);
        assertTrue(html.contains("Réunion du groupe Groupe-pays Maroc"));
        assertTrue(html.contains("Réservé aux adhérents"));
    }

    @Test
    void home_links_to_the_archive_of_past_editions_and_meetings() {
        assertTrue(get("/").contains("<a href=\"/archives\">Éditions précédentes et réunions passées</a>"));
    }

    @Test
    void the_archive_lists_past_editions_then_past_meetings_most_recent_first_in_french_and_english() {
        Venue venue = fixtures.artsEtMetiers();
        events.create(new EventForm("16es Rencontres de l'AICT", "rencontres-2025", EventKind.CONFERENCE_EDITION, null,
                null, LocalDateTime.parse("2025-07-04T09:00"), LocalDateTime.parse("2025-07-04T18:30"),
                EventFormat.IN_PERSON, venue.id(), null, null, false, null, 450, null, null, EventStatus.PUBLISHED), "test");
        fixtures.onlineMeeting(maroc, "groupe-maroc-2026-02-10", LocalDateTime.parse("2026-02-10T10:00"), true);
        fixtures.onlineMeeting(maroc, "groupe-maroc-2026-03-30", LocalDateTime.parse("2026-03-30T16:00"), true);
        String html = get("/archives");
        assertTrue(html.contains("Éditions précédentes des Rencontres"), html);
        int edition = html.indexOf("href=\"/events/rencontres-2025\"");
        int march = html.indexOf("href=\"/events/groupe-maroc-2026-03-30\"");
        int february = html.indexOf("href=\"/events/groupe-maroc-2026-02-10\"");
        assertTrue(edition > 0 && march > edition && february > march, "edition, then meetings most recent first");
        assertFalse(html.contains("/events/rencontres-2026\""), "the upcoming edition is not in the archive");
        assertFalse(html.contains("groupe-maroc-2026-05-18"), "nor the upcoming meeting");
        String english = client.toBlocking().retrieve(HttpRequest.GET("/archives").accept("text/html")
                .header("Accept-Language", "en"));
        assertTrue(english.contains("Past editions of the Rencontres") && english.contains("Past meetings"), english);
    }

    @Test
    void a_page_is_in_english_when_english_is_asked_for_in_any_variant_and_in_french_otherwise() {
        java.util.function.BiFunction<String, String, String> page = (language, cookie) -> {
            var request = HttpRequest.GET("/archives").accept("text/html").header("Accept-Language", language);
            if (cookie != null) {
                request.cookie(io.micronaut.http.cookie.Cookie.of("lang", cookie));
            }
            return client.toBlocking().retrieve(request);
        };
        assertTrue(page.apply("en-GB,en;q=0.8", null).contains("<html lang=\"en\""), "British English is English");
        assertTrue(page.apply("de-DE,de;q=0.9", null).contains("<html lang=\"fr\""), "German is answered in French");
        assertTrue(page.apply("de", "en").contains("Past editions of the Rencontres"), "the switch's cookie wins");
        assertTrue(page.apply("en", "fr").contains("Éditions précédentes des Rencontres"));
    }

    @Test
    void home_filters_by_format() {
        String html = get("/?format=ONLINE");
        assertTrue(html.contains("Réunion du groupe Groupe-pays Maroc"));
        assertFalse(html.contains("17es Rencontres"));
    }

    @Test
    void draft_events_are_neither_listed_nor_reachable() {
        var draft = fixtures.onlineMeeting(maroc, "brouillon-maroc", LocalDateTime.parse("2026-06-01T10:00"), false);
        events.update(draft.id(), withStatus(EventForm.of(draft), EventStatus.DRAFT), "test");
        assertFalse(get("/").contains("/events/brouillon-maroc"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> get("/events/brouillon-maroc"));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }

    private static EventForm withStatus(EventForm f, EventStatus status) {
        return new EventForm(f.title(), f.slug(), f.kind(), f.summary(), f.series(), f.startsAt(), f.endsAt(),
                f.format(), f.venueId(), f.locationNote(), f.onlineLink(), f.membersOnly(), f.groupId(), f.capacity(),
                f.registrationOpensAt(), f.registrationClosesAt(), status);
    }

    @Test
    void event_page_shows_the_programme_by_day_time_and_room() {
        String html = get("/events/rencontres-2026");
        assertTrue(html.contains("mercredi 8 juillet 2026"), "day heading in French");
        assertTrue(html.contains("Ouverture officielle"));
        assertTrue(html.contains("Grand Salon Iéna"));
        assertTrue(html.contains("14:30"));
        assertTrue(html.contains("Point Maroc"));
    }

    @Test
    void online_link_is_never_shown_on_public_pages() {
        String html = get("/events/groupe-maroc-2026-05-18");
        assertTrue(html.contains("Visioconférence"));
        assertFalse(html.contains("visio.example.org"));
        assertFalse(get("/groups/groupe-pays-maroc").contains("visio.example.org"));
    }

    @Test
    void group_page_shows_its_chair_and_meetings() {
        String html = get("/groups/groupe-pays-maroc");
        assertTrue(html.contains("François Bonneau"));
        assertTrue(html.contains("Président de la Région Centre-Val de Loire"));
        assertTrue(html.contains("/events/groupe-maroc-2026-05-18"));
        assertTrue(html.contains("tag-members\">Réservé aux adhérents"), "a members-only meeting says so on its card");
    }

    @Test
    void groups_are_listed_by_pole() {
        String html = get("/groups");
        assertTrue(html.indexOf("Méditerranée") < html.indexOf("Groupe-pays Maroc"));
    }

    @Test
    void english_is_chosen_by_the_language_cookie() {
        String html = client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026")
                .accept("text/html").cookie(io.micronaut.http.cookie.Cookie.of("lang", "en")));
        assertTrue(html.contains("Wednesday, July 8, 2026"), html);
        assertTrue(html.contains("Programme"));
    }

    @Test
    void fixed_clock_shows_a_banner() {
        assertTrue(get("/").contains("Horloge figée"));
    }

    @Test
    void unknown_page_is_a_404_page_in_the_site_layout() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("/no/such/page"));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("Cette page n'existe pas") || body.contains("Cette page n&#x27;existe pas"), body);
        assertTrue(body.contains("<nav"));
    }
}
