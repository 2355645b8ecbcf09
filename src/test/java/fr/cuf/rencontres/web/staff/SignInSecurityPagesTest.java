package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.ApiTokens;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.TestTokens;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions, CSRF binding, Origin checks and API tokens as a browser and a script meet them (issue 18, items 3, 4, 6). */
@DatabaseTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SignInSecurityPagesTest {

    @Inject @Client("/") HttpClient client;
    @Inject TestTokens apiTokens;
    @Inject EmbeddedServer server;
    @Inject Fixtures fixtures;
    @Inject ApiTokens tokens;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        fixtures.staff("alice", Role.ADMIN);
        fixtures.staff("bob", Role.REGISTRATION_DESK);
    }

    @Test
    void the_old_cookie_no_longer_signs_in_after_sign_out() {
        Browser browser = new Browser(client).login("bob", Fixtures.PASSWORD);
        String session = browser.cookie(Browser.SESSION);
        assertEquals(200, browser.get("/staff").getStatus().getCode());
        assertEquals(303, browser.post("/logout", Map.of()).getStatus().getCode());

        Browser thief = new Browser(client);
        thief.cookie(Browser.SESSION, session);
        HttpResponse<String> page = thief.get("/staff");
        assertTrue(page.getStatus().getCode() == 303 || page.getStatus().getCode() == 401, page.getStatus().toString());
    }

    @Test
    void a_sign_in_failure_says_why_on_the_form() {
        Browser browser = new Browser(client);
        HttpResponse<String> answer = browser.post("/login", Map.of("username", "bob", "password", "wrong-password"));
        assertEquals("/login?error=login_failed", answer.getHeaders().get("Location"));
        for (int i = 0; i < 5; i++) {
            browser.post("/login", Map.of("username", "bob", "password", "wrong-password"));
        }
        answer = browser.post("/login", Map.of("username", "bob", "password", Fixtures.PASSWORD));
        assertEquals("/login?error=sign_in_throttled", answer.getHeaders().get("Location"));
        String page = Browser.body(browser.get("/login?error=sign_in_throttled"));
        assertTrue(page.contains("data-code=\"sign_in_throttled\"") && page.contains("Trop de tentatives"), page);
    }

    @Test
    void a_csrf_token_of_another_session_is_refused() {
        Browser alice = new Browser(client).login("alice", Fixtures.PASSWORD);
        Browser bob = new Browser(client).login("bob", Fixtures.PASSWORD);
        String alicesToken = alice.cookie(Browser.CSRF);
        // a token pair planted in bob's browser (cookie and field), valid in alice's session only
        bob.cookie(Browser.CSRF, alicesToken);
        HttpResponse<String> answer = bob.postRaw("/logout", Map.of("csrfToken", alicesToken));
        assertEquals(403, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("csrf_invalid"), Browser.body(answer));
        // the same token works in the session it was made for
        assertEquals(303, alice.postRaw("/logout", Map.of("csrfToken", alicesToken)).getStatus().getCode());
    }

    @Test
    void a_signed_out_token_is_replaced_by_one_of_the_session_at_sign_in() {
        Browser browser = new Browser(client);
        String before = browser.csrfToken();
        browser.login("bob", Fixtures.PASSWORD);
        String after = browser.cookie(Browser.CSRF);
        assertTrue(after != null && !after.equals(before));
        assertTrue(Browser.body(browser.get("/staff")).contains(after), "the page's forms carry the new token");
        assertEquals(403, browser.postRaw("/logout", Map.of("csrfToken", before)).getStatus().getCode());
    }

    @Test
    void a_form_posted_from_another_site_is_refused() {
        Browser bob = new Browser(client).login("bob", Fixtures.PASSWORD);
        String token = bob.cookie(Browser.CSRF);
        HttpResponse<String> answer = bob.send(HttpRequest.POST("/logout", Map.of("csrfToken", token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(Browser.ACCEPT)
                .header("Origin", "https://evil.example"));
        assertEquals(403, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("origin_refused"), Browser.body(answer));

        answer = bob.send(HttpRequest.POST("/logout", Map.of("csrfToken", token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(Browser.ACCEPT)
                .header("Referer", "https://evil.example/page"));
        assertEquals(403, answer.getStatus().getCode());

        answer = bob.send(HttpRequest.POST("/logout", Map.of("csrfToken", token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(Browser.ACCEPT)
                .header("Origin", "null"));
        assertEquals(403, answer.getStatus().getCode(), "Origin: null is refused outside the personal pages");

        answer = bob.send(HttpRequest.POST("/logout", Map.of("csrfToken", token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(Browser.ACCEPT)
                .header("Origin", "http://localhost:" + server.getPort()));
        assertEquals(303, answer.getStatus().getCode(), "our own origin passes");
    }

    @Test
    void origin_null_is_left_to_the_token_check_on_a_personal_page() {
        HttpResponse<String> answer = new Browser(client).send(HttpRequest.POST("/me/not-a-real-secret/cancel", Map.of())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(Browser.ACCEPT).header("Origin", "null"));
        assertTrue(!Browser.body(answer).contains("origin_refused"), Browser.body(answer));
    }

    @Test
    void an_api_token_opens_the_api_until_revoked() {
        String token = tokens.create("bob", "import script");
        var request = HttpRequest.GET("/api/v1/organisations").bearerAuth(token);
        assertEquals(200, client.toBlocking().exchange(request, String.class).getStatus().getCode());
        long id = tokens.of(accountId("bob")).get(0).id();
        tokens.revoke("bob", id);
        assertEquals(401, status(HttpRequest.GET("/api/v1/organisations").bearerAuth(token)));
        assertEquals(401, status(HttpRequest.GET("/api/v1/organisations").bearerAuth(ApiTokens.PREFIX + "x".repeat(43))));
    }

    @Test
    void http_basic_with_the_right_password_is_refused_on_the_api_and_counts_as_no_sign_in() {
        // a protected route and a public one: a script still sending a password learns it at its first call
        for (String path : List.of("/api/v1/organisations", "/api/v1/events")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.GET(path).basicAuth("bob", Fixtures.PASSWORD).header("Accept-Language", "en"),
                            String.class));
            assertEquals(401, e.code(), path);
            assertEquals("Bearer realm=\"rencontres\"", e.getResponse().getHeaders().get("WWW-Authenticate"));
            String body = e.getResponse().getBody(String.class).orElseThrow();
            assertTrue(body.contains("\"code\":\"basic_auth_not_accepted\"") && body.contains("/staff/me"), body);
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(401, status(HttpRequest.GET("/api/v1/organisations").basicAuth("bob", "wrong-password")));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM sign_in_failure"), "no failure counted, no throttle, no lock-out");
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'sign_in%'"), "no attempt audited");
        assertEquals(0, count("SELECT COUNT(*) FROM staff_account WHERE last_sign_in_at IS NOT NULL"));
        // the password was never tested: bob signs in on the form at once, and his API token works
        assertEquals(200, new Browser(client).login("bob", Fixtures.PASSWORD).get("/staff").getStatus().getCode());
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/api/v1/organisations")
                .bearerAuth(apiTokens.of("bob")), String.class).getStatus().getCode());
    }

    private long count(String sql) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long accountId(String username) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.prepareStatement("SELECT id FROM staff_account WHERE username = ?")) {
            s.setString(1, username);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
