package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class RegistrationPagesTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    Organisation dijon;
    Session senegal;
    String csrf;
    String idempotencyKey;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        Venue venue = fixtures.artsEtMetiers();
        Event event = fixtures.conference(venue, fr.cuf.rencontres.event.EventStatus.PUBLISHED);
        senegal = fixtures.session(event, "Point Sénégal", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, fixtures.room(venue, "Salon Eiffel", 150), null);
        fixtures.session(event, "Point Arménie", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, fixtures.room(venue, "Salon Iéna", 150), null);
    }

    private String form(String lang) {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/events/rencontres-2026/register")
                .accept(MediaType.TEXT_HTML).cookie(Cookie.of("lang", lang)), String.class);
        csrf = page.getCookie("rencontres_csrf").orElseThrow().getValue();
        idempotencyKey = field(page.body(), "idempotencyKey");
        return page.body();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrfToken", csrf);
        String body = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).cookie(Cookie.of("rencontres_csrf", csrf)), String.class);
    }

    private Map<String, String> filled() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("idempotencyKey", idempotencyKey);
        f.put("firstName", "Awa");
        f.put("lastName", "Diallo");
        f.put("email", "awa@example.org");
        f.put("organisationId", String.valueOf(dijon.id()));
        f.put("participantType", "OFFICER");
        f.put("block.0", String.valueOf(senegal.id()));
        f.put("colleague.0.firstName", "Jean");
        f.put("colleague.0.lastName", "Dupont");
        f.put("colleague.0.email", "jean@example.org");
        f.put("colleague.0.participantType", "ELECTED_OFFICIAL");
        f.put("consent", "yes");
        return f;
    }

    @Test
    void the_form_offers_organisations_parallel_sessions_and_consent() {
        String html = form("fr");
        assertTrue(html.contains("Ville de Dijon"));
        assertTrue(html.contains("Point Sénégal") && html.contains("Point Arménie"));
        assertTrue(html.contains("name=\"block.0\""), "one choice per parallel block");
        assertTrue(html.contains("politique de confidentialité, version 2026-01"));
        assertTrue(html.contains("name=\"website\""), "honeypot");
        assertTrue(form("en").contains("Confirm registration"));
    }

    @Test
    void a_submitted_form_shows_the_price_and_the_personal_link_and_a_double_submit_shows_it_again() {
        form("fr");
        HttpResponse<String> done;
        try {
            done = post("/events/rencontres-2026/register", filled());
        } catch (HttpClientResponseException debug) {
            throw new AssertionError("STEP register", debug);
        }
        assertEquals(HttpStatus.OK, done.getStatus());
        String html = done.body();
        assertTrue(html.contains("Inscription enregistrée"), html);
        assertTrue(html.contains("Gratuit"));
        assertTrue(html.contains("Jean Dupont"), "the colleague is registered too");
        Matcher link = Pattern.compile("href=\"(/me/[A-Za-z0-9_-]+)\"").matcher(html);
        assertTrue(link.find());
        String again = post("/events/rencontres-2026/register", filled()).body();
        assertTrue(again.contains(link.group(1)), "the retry shows the first registration");

        String me = client.toBlocking().retrieve(HttpRequest.GET(link.group(1)).accept(MediaType.TEXT_HTML));
        assertTrue(me.contains("Awa Diallo") || me.contains("Awa"), me);
        assertTrue(me.contains("Point Sénégal"));
        assertTrue(me.contains("Jean") && me.contains("jean@example.org"), "the submitter manages the group");

        String cancelled;
        try {
            cancelled = post(link.group(1) + "/cancel", Map.of()).body();
        } catch (HttpClientResponseException debug) {
            throw new AssertionError("STEP cancel", debug);
        }
        assertTrue(cancelled.contains("Cette inscription est annulée"), cancelled);
    }

    @Test
    void the_personal_page_gives_the_badge_and_a_calendar_address_once_and_a_new_one_disables_the_old() {
        form("fr");
        String html = post("/events/rencontres-2026/register", filled()).body();
        Matcher link = Pattern.compile("href=\"(/me/[A-Za-z0-9_-]+)\"").matcher(html);
        assertTrue(link.find());
        HttpResponse<byte[]> badge = client.toBlocking().exchange(HttpRequest.GET(link.group(1) + "/badge.pdf"), byte[].class);
        assertEquals("application/pdf", badge.getContentType().orElseThrow().toString());
        assertTrue(new String(badge.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        HttpResponse<String> first = post(link.group(1) + "/calendar", Map.of());
        assertEquals("no-store", first.header("Cache-Control"));
        Matcher feed = Pattern.compile("https?://[^\\s\"<]+/calendar/([A-Za-z0-9_-]{43})\\.ics").matcher(first.body());
        assertTrue(feed.find(), first.body());
        String agenda = client.toBlocking().retrieve(HttpRequest.GET("/calendar/" + feed.group(1) + ".ics"));
        assertTrue(agenda.contains("BEGIN:VCALENDAR") && agenda.contains("Point Sénégal"), agenda);

        Matcher second = Pattern.compile("/calendar/([A-Za-z0-9_-]{43})\\.ics")
                .matcher(post(link.group(1) + "/calendar", Map.of()).body());
        assertTrue(second.find());
        assertNotEquals(feed.group(1), second.group(1));
        HttpClientResponseException old = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/calendar/" + feed.group(1) + ".ics")));
        assertEquals(HttpStatus.NOT_FOUND, old.getStatus());
    }

    @Test
    void refusals_are_shown_next_to_their_fields() {
        form("fr");
        Map<String, String> f = filled();
        f.remove("consent");
        f.put("email", "not-an-email");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/events/rencontres-2026/register", f));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        String html = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(html.contains("Cette adresse e-mail n&#x27;est pas valide") || html.contains("Cette adresse e-mail n'est pas valide"), html);
        assertTrue(html.contains("politique de confidentialité est nécessaire"));
        assertTrue(html.contains("value=\"Diallo\""), "what was typed is kept");
    }

    @Test
    void the_honeypot_refuses_robots() {
        form("fr");
        Map<String, String> f = filled();
        f.put("website", "http://spam.example");
        assertThrows(HttpClientResponseException.class, () -> post("/events/rencontres-2026/register", f));
        assertEquals(0, fr.cuf.rencontres.registration.TestCounts.registrations(dataSource));
    }

    @Test
    void organisations_are_searched_as_you_type() {
        String json = client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026/register/organisations?q=dij"));
        assertTrue(json.contains("Ville de Dijon"), json);
        assertFalse(client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026/register/organisations?q=zzz"))
                .contains("Dijon"));
    }

    @Test
    void an_unknown_personal_link_opens_nothing() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.GET("/me/AAAAAAAAAAAAAAAAAAAAAAAAAAA").accept(MediaType.TEXT_HTML)));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
    }
}
