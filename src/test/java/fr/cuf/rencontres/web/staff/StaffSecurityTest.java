package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.cuf.rencontres.web.staff.Browser.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class StaffSecurityTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject OrganisationRepository organisations;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("scanner", Role.SCANNER);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("programme", Role.PROGRAMME);
        fixtures.staff("admin", Role.ADMIN);
    }

    private Browser browser() {
        return new Browser(client);
    }

    private Browser signedIn(String username) {
        return browser().login(username, Fixtures.PASSWORD);
    }

    private static Map<String, String> lyon(String siren) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Ville de Lyon");
        form.put("kind", "COMMUNE");
        form.put("country", "FR");
        form.put("siren", siren);
        form.put("city", "Lyon");
        return form;
    }

    @Test
    void anonymous_browser_is_sent_to_the_login_page() {
        HttpResponse<String> response = browser().get("/staff");
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/login", response.getHeaders().get("Location"));
    }

    @Test
    void anonymous_json_request_to_a_staff_page_is_401() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/staff/organisations").accept(MediaType.APPLICATION_JSON)));
        assertEquals(401, e.getStatus().getCode());
    }

    @Test
    void login_page_sets_the_csrf_cookie_and_the_same_token_in_its_hidden_field() {
        Browser b = browser();
        HttpResponse<String> page = b.get("/login");
        assertEquals(200, page.getStatus().getCode());
        String cookie = b.cookie(Browser.CSRF);
        assertNotNull(cookie, "csrf cookie issued on the first page");
        assertEquals(cookie, Browser.hiddenCsrf(body(page)));
    }

    @Test
    void good_credentials_open_a_session_and_lead_to_the_back_office() {
        Browser b = browser();
        HttpResponse<String> response = b.post("/login", Map.of("username", "desk", "password", Fixtures.PASSWORD));
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/staff", response.getHeaders().get("Location"));
        assertNotNull(b.cookie(Browser.SESSION));
        HttpResponse<String> home = b.get("/staff");
        assertEquals(200, home.getStatus().getCode());
        assertTrue(body(home).contains("Test desk"), "the signed-in name is shown");
    }

    @Test
    void bad_password_goes_back_to_the_login_page_with_the_error() {
        Browser b = browser();
        HttpResponse<String> response = b.post("/login", Map.of("username", "desk", "password", "wrong"));
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/login?error=login_failed", response.getHeaders().get("Location"));
        assertNull(b.cookie(Browser.SESSION));
        String page = body(b.get("/login?error=login_failed"));
        assertTrue(page.contains("data-code=\"login_failed\""));
        assertTrue(page.contains("Identifiant ou mot de passe incorrect."));
    }

    @Test
    void login_without_or_with_a_wrong_csrf_token_is_refused() {
        Browser b = browser();
        b.csrfToken();
        HttpResponse<String> missing = b.postRaw("/login", Map.of("username", "desk", "password", Fixtures.PASSWORD));
        assertEquals(403, missing.getStatus().getCode());
        HttpResponse<String> wrong = b.postRaw("/login", Map.of("username", "desk", "password", Fixtures.PASSWORD,
                "csrfToken", "forged." + b.csrfToken()));
        assertEquals(403, wrong.getStatus().getCode());
        assertNull(b.cookie(Browser.SESSION));
    }

    @Test
    void staff_form_without_csrf_token_is_refused_even_when_signed_in() {
        Browser desk = signedIn("desk");
        HttpResponse<String> response = desk.postRaw("/staff/organisations", lyon("216901231"));
        assertEquals(403, response.getStatus().getCode());
        assertEquals(0, organisations.count());
    }

    @Test
    void scanner_can_read_the_lists_but_cannot_create_or_edit_an_organisation() {
        Browser scanner = signedIn("scanner");
        HttpResponse<String> list = scanner.get("/staff/organisations");
        assertEquals(200, list.getStatus().getCode());
        assertFalse(body(list).contains("/staff/organisations/new"), "no create button for a scanner");
        assertEquals(403, scanner.post("/staff/organisations", lyon("216901231")).getStatus().getCode());
        assertEquals(0, organisations.count());
        long id = fixtures.dijon().id();
        assertEquals(403, scanner.get("/staff/organisations/" + id + "/edit").getStatus().getCode());
        assertEquals(403, scanner.get("/staff/organisations/new").getStatus().getCode());
        assertFalse(body(scanner.get("/staff/organisations/" + id)).contains("/edit\""), "no edit button");
    }

    @Test
    void registration_desk_can_create_an_organisation() {
        Browser desk = signedIn("desk");
        assertTrue(body(desk.get("/staff/organisations")).contains("/staff/organisations/new"));
        HttpResponse<String> response = desk.post("/staff/organisations", lyon("216901231"));
        assertEquals(303, response.getStatus().getCode());
        long id = organisations.findBySiren("216901231").orElseThrow().id();
        assertEquals("/staff/organisations/" + id, response.getHeaders().get("Location"));
    }

    @Test
    void programme_can_create_an_event_but_not_an_organisation() {
        Browser programme = signedIn("programme");
        assertEquals(403, programme.post("/staff/organisations", lyon("216901231")).getStatus().getCode());
        assertEquals(0, organisations.count());
        HttpResponse<String> created = programme.post("/staff/events", Map.of(
                "title", "Chroniques géopolitiques — juin", "kind", "SERIES_MEETING", "format", "ONLINE",
                "startsAt", "2026-06-11T18:00", "endsAt", "2026-06-11T19:30", "status", "DRAFT"));
        assertEquals(303, created.getStatus().getCode());
        assertTrue(body(programme.get(created.getHeaders().get("Location"))).contains("Chroniques géopolitiques — juin"));
    }

    @Test
    void desk_cannot_edit_events() {
        Browser desk = signedIn("desk");
        assertEquals(403, desk.get("/staff/events/new").getStatus().getCode());
        assertFalse(body(desk.get("/staff/events")).contains("/staff/events/new"));
    }

    @Test
    void tampered_session_cookie_is_treated_as_anonymous() {
        Browser b = signedIn("admin");
        String session = b.cookie(Browser.SESSION);
        char last = session.charAt(session.length() - 1);
        b.cookie(Browser.SESSION, session.substring(0, session.length() - 1) + (last == 'A' ? 'B' : 'A'));
        HttpResponse<String> response = b.get("/staff");
        assertEquals(303, response.getStatus().getCode());
        assertEquals("/login", response.getHeaders().get("Location"));
    }

    @Test
    void logout_clears_the_session_cookie() {
        Browser b = signedIn("admin");
        assertEquals(200, b.get("/staff").getStatus().getCode());
        String session = b.cookie(Browser.SESSION);
        HttpResponse<String> out = b.post("/logout", Map.of());
        assertEquals(303, out.getStatus().getCode());
        assertNull(b.cookie(Browser.SESSION), "Set-Cookie expires the session: " + out.getHeaders().getAll("Set-Cookie"));
        assertEquals(303, b.get("/staff").getStatus().getCode());
        assertNotNull(session);
    }
}
