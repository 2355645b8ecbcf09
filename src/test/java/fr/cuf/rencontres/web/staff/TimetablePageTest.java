package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.staff.Role;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class TimetablePageTest {

    static final String GRID = "/staff/events/rencontres-2026/timetable";

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;
    @Inject SessionRepository sessions;

    ScheduleFixtures.Small s;
    Session chine;
    Session eau;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        chine = schedule.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), s.benoit());
        eau = schedule.session(s, "Atelier Eau et crises", null, 60, null, s.benoit());
        fixtures.staff("prog", Role.PROGRAMME);
        fixtures.staff("scan", Role.SCANNER);
    }

    String csrf;

    /** The CSRF token the site gives a browser on its first page (tokens are signed: none can be made up). */
    private String csrf() {
        if (csrf == null) {
            csrf = client.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML), String.class)
                    .getCookie("rencontres_csrf").orElseThrow().getValue();
        }
        return csrf;
    }

    private HttpResponse<String> get(String user, String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of(user)).cookie(Cookie.of("rencontres_csrf", csrf())), String.class);
    }

    private HttpResponse<String> post(String user, String path, Map<String, String> form) {
        Map<String, String> body = new java.util.HashMap<>(form);
        body.put("csrfToken", csrf());
        return client.toBlocking().exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML)
                // the header as the drag-and-drop script sends it (the form field is accepted too)
                .header("X-CSRF-TOKEN", csrf())
                .bearerAuth(apiTokens.of(user)).cookie(Cookie.of("rencontres_csrf", csrf())), String.class);
    }

    /** A refused form: an error status whose body is the form page again. */
    private HttpResponse<String> refusedPost(String user, String path, Map<String, String> form, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post(user, path, form));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        @SuppressWarnings("unchecked")
        HttpResponse<String> page = (HttpResponse<String>) e.getResponse();
        return page;
    }

    private static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    @Test
    void programme_staff_see_rooms_blocks_and_the_unscheduled_list() {
        String html = get("prog", GRID).body();
        assertTrue(html.contains("Grand Salon Iéna"), "rooms as columns");
        assertTrue(html.contains("id=\"session-" + chine.id() + "\""), "a placed session is a block");
        assertTrue(html.contains("11:00–12:30"));
        assertTrue(html.contains("Atelier Eau et crises"), "unscheduled list");
        assertTrue(html.contains("name=\"csrfToken\""));
    }

    @Test
    void scanner_staff_are_refused() {
        // a 403 error page, never a silent redirection
        assertForbidden(() -> get("scan", GRID));
        assertForbidden(() -> post("scan", GRID + "/place", Map.of("sessionId", String.valueOf(eau.id()), "date",
                "2026-07-08", "start", "11:00", "minutes", "60", "roomId", String.valueOf(s.kleber().id()))));
        assertNull(sessions.findById(eau.id()).orElseThrow().startsAt());
    }

    private static void assertForbidden(org.junit.jupiter.api.function.Executable request) {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class, request);
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }

    @Test
    void a_refused_place_shows_the_grid_again_with_the_form_as_typed_and_the_message_beside_its_field() {
        HttpResponse<String> refused = refusedPost("prog", GRID + "/place", Map.of("sessionId", String.valueOf(eau.id()),
                "date", "2026-07-08", "minutes", "60", "roomId", String.valueOf(s.kleber().id())),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertNull(refused.getHeaders().get("Location"), "the grid itself, not a redirect carrying the errors");
        String html = body(refused);
        assertTrue(html.contains("id=\"place-form\""), html);
        assertTrue(html.contains("<span class=\"error\">"), "the message beside its field: " + html);
        assertTrue(html.contains("value=\"60\""), "the length typed is kept");
        assertNull(sessions.findById(eau.id()).orElseThrow().startsAt(), "nothing placed");
    }

    @Test
    void the_plain_form_places_a_session_and_the_grid_shows_the_conflicts() {
        HttpResponse<String> r = post("prog", GRID + "/place", Map.of("sessionId", String.valueOf(eau.id()),
                "date", "2026-07-08", "start", "11:30", "minutes", "60", "roomId", String.valueOf(s.kleber().id())));
        assertEquals(HttpStatus.SEE_OTHER, r.getStatus());
        assertNotNull(sessions.findById(eau.id()).orElseThrow().startsAt());
        String html = get("prog", GRID).body();
        assertTrue(html.contains("room_double_booked"), "conflict list");
        assertTrue(html.contains("Salon Kléber") && html.contains("réservée deux fois"));
        assertTrue(html.contains("person_overlap"));
    }

    @Test
    void a_post_without_the_csrf_token_is_refused() {
        assertForbidden(() -> client.toBlocking().exchange(HttpRequest.POST(GRID + "/sessions/" + chine.id() + "/unschedule",
                        Map.of("csrfToken", "made-up")).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML).bearerAuth(apiTokens.of("prog"))
                .cookie(Cookie.of("rencontres_csrf", "made-up")), String.class));
        assertNotNull(sessions.findById(chine.id()).orElseThrow().startsAt());
    }

    @Test
    void a_session_is_created_from_the_form_then_unscheduled_and_cancelled() {
        HttpResponse<String> created = post("prog", GRID + "/sessions", Map.of("title", "Point Israël",
                "kind", "COUNTRY_BRIEFING", "expectedAudience", "30", "plannedMinutes", "75",
                "requiresVideoLink", "true", "chairPersonId", String.valueOf(s.katja().id())));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus());
        Session israel = sessions.findByEventInOrder(s.event().id()).stream()
                .filter(x -> x.title().equals("Point Israël")).findFirst().orElseThrow();
        assertTrue(israel.requiresVideoLink());
        assertEquals(75, israel.minutes());
        assertEquals(HttpStatus.SEE_OTHER, post("prog", GRID + "/sessions/" + chine.id() + "/unschedule", Map.of()).getStatus());
        assertNull(sessions.findById(chine.id()).orElseThrow().startsAt());
        assertEquals(HttpStatus.SEE_OTHER, post("prog", GRID + "/sessions/" + chine.id() + "/cancel",
                Map.of("reason", "Intervenant empêché")).getStatus());
        assertTrue(sessions.findById(chine.id()).orElseThrow().isCancelled());
        assertTrue(get("prog", GRID + "/sessions/" + israel.id() + "/edit").body().contains("Point Israël"));
    }

    @Test
    void grid_blocks_show_slot_chair_and_seats_never_a_raw_map() {
        String html = get("prog", GRID).body();
        assertTrue(html.contains("11:00–12:30"), "the slot");
        assertTrue(html.contains(s.benoit().firstName() + " " + s.benoit().lastName()), "the chair");
        assertTrue(html.contains("0 inscrits / 80 places"), html.substring(html.indexOf("tt-count")));
        assertTrue(!html.contains("rowStart=") && !html.contains("{col="), "no block printed as a map");
    }

    @Test
    void two_sessions_in_one_room_at_one_time_are_side_by_side() {
        Session other = schedule.session(s, "Point Vietnam", "2026-07-08T11:30", 60, s.kleber(), null);
        String html = get("prog", GRID).body();
        String chineBlock = html.substring(html.indexOf("id=\"session-" + chine.id() + "\""));
        String otherBlock = html.substring(html.indexOf("id=\"session-" + other.id() + "\""));
        assertTrue(chineBlock.substring(0, 400).contains("data-lane=\"0\" data-lanes=\"2\""), chineBlock.substring(0, 400));
        assertTrue(otherBlock.substring(0, 400).contains("data-lane=\"1\" data-lanes=\"2\""), otherBlock.substring(0, 400));
    }

    @Test
    void a_session_with_only_a_title_a_kind_and_a_length_is_saved_empty_optional_fields_are_optional() {
        HttpResponse<String> created = post("prog", GRID + "/sessions", Map.ofEntries(Map.entry("title", "Atelier Genre"),
                Map.entry("kind", "WORKSHOP"), Map.entry("plannedMinutes", "90"), Map.entry("chairPersonId", ""),
                Map.entry("capacity", ""), Map.entry("expectedAudience", ""), Map.entry("languages", ""),
                Map.entry("date", ""), Map.entry("start", ""), Map.entry("end", ""), Map.entry("roomId", "")));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus());
        Session genre = sessions.findByEventInOrder(s.event().id()).stream()
                .filter(x -> x.title().equals("Atelier Genre")).findFirst().orElseThrow();
        assertNull(genre.chairPersonId());
        assertNull(genre.capacity());
        assertNull(genre.startsAt(), "not placed");
    }

    @Test
    void every_refusal_of_the_session_form_sits_next_to_its_field_with_what_was_typed_kept() {
        String longLanguages = "fr,en,es,pt,ar,zh,ja,ko,vi,ru,hy,de,it,nl,pl,ro,tr,he,fa,sw,wo";
        HttpResponse<String> refused = refusedPost("prog", GRID + "/sessions", Map.of("title", "Point Haïti",
                "kind", "COUNTRY_BRIEFING", "capacity", "-5", "languages", longLanguages, "expectedAudience", "beaucoup",
                "date", "2026-07-08", "start", "15:00", "end", "14:00", "roomId", String.valueOf(s.kleber().id())),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertNull(refused.getHeaders().get("Location"), "the form itself, not a redirect");
        String html = body(refused);
        assertTrue(html.contains("id=\"e-end\">La fin doit être postérieure au début."), "end before start, beside End");
        assertTrue(html.contains("id=\"e-expectedAudience\">Saisissez un nombre entier."), html);
        assertTrue(html.contains("id=\"e-capacity\">"), "negative capacity, beside Capacity");
        assertTrue(html.contains("value=\"Point Haïti\"") && html.contains("value=\"beaucoup\"")
                && html.contains("value=\"15:00\"") && html.contains("value=\"14:00\""), "what was typed is kept");
        assertTrue(sessions.findByEventInOrder(s.event().id()).stream().noneMatch(x -> x.title().equals("Point Haïti")));

        String tooLong = body(refusedPost("prog", GRID + "/sessions", Map.of("title", "Point Haïti",
                "kind", "COUNTRY_BRIEFING", "capacity", "-5", "languages", longLanguages + ",xx,yy,zz"),
                HttpStatus.UNPROCESSABLE_ENTITY));
        assertTrue(tooLong.contains("id=\"e-languages\">"), "a 60+ character language list, beside Languages");
        assertTrue(tooLong.contains("id=\"e-capacity\">"));
    }

    @Test
    void a_session_created_with_a_day_start_end_and_room_is_placed() {
        HttpResponse<String> created = post("prog", GRID + "/sessions", Map.of("title", "Point Maroc",
                "kind", "COUNTRY_BRIEFING", "date", "2026-07-09", "start", "14:30", "end", "16:00",
                "roomId", String.valueOf(s.monge().id())));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus());
        Session maroc = sessions.findByEventInOrder(s.event().id()).stream()
                .filter(x -> x.title().equals("Point Maroc")).findFirst().orElseThrow();
        assertEquals(s.monge().id(), maroc.roomId());
        assertEquals(90, maroc.minutes());
    }

    @Test
    void the_publish_page_previews_then_publishes_and_refuses_while_a_blocking_conflict_remains() {
        String preview = get("prog", GRID + "/publish").body();
        assertTrue(preview.contains("Première publication"), preview);
        HttpResponse<String> published = post("prog", GRID + "/publish", Map.of());
        assertEquals(HttpStatus.SEE_OTHER, published.getStatus());
        assertTrue(published.header("Location").endsWith("/timetable/versions#version-1"));

        assertTrue(get("prog", GRID + "/publish").body().contains("Rien à publier"));
        assertTrue(body(refusedPost("prog", GRID + "/publish", Map.of(), HttpStatus.CONFLICT)).contains("Rien à publier"),
                "refused, not published");

        post("prog", GRID + "/place", Map.of("sessionId", String.valueOf(eau.id()),
                "date", "2026-07-08", "start", "11:30", "minutes", "60", "roomId", String.valueOf(s.kleber().id())));
        String blocked = get("prog", GRID + "/publish").body();
        assertTrue(blocked.contains("conflits bloquants") && blocked.contains("room_double_booked"), blocked);
        assertTrue(!blocked.contains("action=\"/staff/events/rencontres-2026/timetable/publish\""), "no button while blocked");
        String refused = body(refusedPost("prog", GRID + "/publish", Map.of(), HttpStatus.CONFLICT));
        assertTrue(refused.contains("Publication impossible"), refused);
    }
}
