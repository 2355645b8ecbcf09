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
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/me/[A-Za-z0-9_-]+)\"").matcher(html);
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
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/me/[A-Za-z0-9_-]+)\"").matcher(html);
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

    @Test
    void a_refused_form_keeps_every_colleague_value_and_links_each_message_to_its_field() {
        form("fr");
        Map<String, String> f = filled();
        f.put("colleague.1.firstName", "Marie");
        f.put("colleague.1.functionTitle", "Chargée de mission");
        f.put("colleague.1.participantType", "OFFICER");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/events/rencontres-2026/register", f));
        String html = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(html.contains("name=\"colleague.0.lastName\" value=\"Dupont\""), "a valid colleague is kept");
        assertTrue(html.contains("name=\"colleague.1.firstName\" value=\"Marie\""), "the refused one too");
        assertTrue(html.contains("value=\"Chargée de mission\"") || html.contains("value=\"Charg&#xe9;e de mission\""));
        Matcher officer = Pattern.compile("id=\"c1-type\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        assertTrue(officer.find() && officer.group(1).contains("value=\"OFFICER\" selected"), "its type is kept");
        assertTrue(html.contains("href=\"#c1-last\""), "the summary links to the field");
        assertTrue(html.contains("Collègue 2 — Nom : Ce champ est obligatoire.")
                || html.contains("Coll&#xe8;gue 2 &#x2014; Nom : Ce champ est obligatoire."), html);
    }

    @Test
    void no_participant_type_is_chosen_for_the_registrant_and_none_chosen_is_refused() {
        String html = form("fr");
        Matcher type = Pattern.compile("id=\"participantType\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        assertTrue(type.find());
        assertFalse(type.group(1).contains("selected"), type.group(1));
        assertTrue(type.group(1).contains("<option value=\"\">"), "a choose-first option");
        Map<String, String> f = filled();
        f.remove("participantType");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/events/rencontres-2026/register", f));
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("id=\"participantType-error\""));
    }

    @Test
    void the_honeypot_is_hidden_and_its_refusal_explains_what_to_do() {
        String html = form("fr");
        assertTrue(html.contains("class=\"hp\" aria-hidden=\"true\" hidden"), "not shown to people");
        assertFalse(html.contains("class=\"org-fallback\"") && !html.contains("<noscript><form"),
                "the server-side search box only without JavaScript");
        Map<String, String> f = filled();
        f.put("website", "x");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/events/rencontres-2026/register", f));
        String page = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(page.contains("envoyez le formulaire à nouveau") || page.contains("envoyez le formulaire &#xe0; nouveau"),
                page);
        assertTrue(page.contains("value=\"Diallo\""));
    }

    @Test
    void the_price_of_a_person_is_given_before_confirming_with_what_decides_it() {
        String json = client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026/register/price?participantType=OFFICER"
                + "&organisationId=" + dijon.id()));
        assertTrue(json.contains("\"price\":\"0,00 €\""), json);
        assertTrue(json.contains("\"text\":\"Tarif : 0,00 €"), json);
        assertEquals("{}", client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026/register/price")),
                "no type chosen yet: nothing to show");
    }

    @Test
    void the_confirmation_shows_the_absolute_personal_link() {
        form("fr");
        String html = post("/events/rencontres-2026/register", filled()).body();
        assertTrue(html.matches("(?s).*class=\"personal-link\">http://localhost:8080/me/[A-Za-z0-9_-]{27}<.*"), html);
    }

    @Test
    void the_personal_page_keeps_its_secret_on_the_site_and_its_forms_need_their_token() {
        form("fr");
        String html = post("/events/rencontres-2026/register", filled()).body();
        Matcher link = Pattern.compile("href=\"https?://[^/\"]+(/me/[A-Za-z0-9_-]+)\"").matcher(html);
        assertTrue(link.find());
        String me = client.toBlocking().retrieve(HttpRequest.GET(link.group(1)).accept(MediaType.TEXT_HTML));
        assertTrue(me.contains("<meta name=\"referrer\" content=\"same-origin\">"),
                "no-referrer makes browsers post with Origin: null, which is refused");
        assertFalse(me.contains("no-referrer\">"));
        HttpClientResponseException forged = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST(link.group(1) + "/cancel", "").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML), String.class));
        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        assertTrue(forged.getResponse().getBody(String.class).orElseThrow().contains("rechargez la page"),
                "a refusal says what to do");
        assertTrue(post(link.group(1) + "/calendar", Map.of()).body().contains("/calendar/"), "with the token it works");
    }

    @Test
    void a_refusal_answered_without_a_body_becomes_a_page_that_explains() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/me/AAAAAAAAAAAAAAAAAAAAAAAAAAA/details", "csrfToken=x")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Origin", "null")
                        .accept(MediaType.TEXT_HTML), String.class));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        String page = e.getResponse().getBody(String.class).orElse("");
        assertTrue(page.contains("<h1>") && page.contains("403"), page);
    }

    @Test
    void the_event_page_and_the_home_page_lead_to_the_form_while_registration_is_open() {
        String event = client.toBlocking().retrieve(HttpRequest.GET("/events/rencontres-2026").accept(MediaType.TEXT_HTML));
        assertTrue(event.contains("href=\"/events/rencontres-2026/register\""), event);
        String home = client.toBlocking().retrieve(HttpRequest.GET("/").accept(MediaType.TEXT_HTML));
        Matcher next = Pattern.compile("class=\"next-edition\".*?</section>", Pattern.DOTALL).matcher(home);
        assertTrue(next.find(), "the next edition first");
        assertTrue(next.group().contains("href=\"/events/rencontres-2026/register\"") && next.group().contains("S&#x27;inscrire"),
                next.group());
    }
}
