package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.TotpCodes;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Map;

import static fr.cuf.rencontres.web.staff.Browser.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second factor through the pages: enrolment, the code step, the admin rule. The clock is fixed at the start of
 * a 30-second step, so the codes of the step before, this one and the next (all accepted, each once) serve three uses.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.staff.second-factor.required-for-admin", value = "true")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SecondFactorPagesTest {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("admin", Role.ADMIN);
        fixtures.staff("root", Role.ADMIN);
    }

    /** Enrols through the pages with the code of the step before now; returns the secret the page showed. */
    private String enrol(Browser browser) {
        assertEquals(303, browser.post("/staff/me/second-factor/start", Map.of()).getStatus().getCode());
        Document page = Jsoup.parse(body(browser.get("/staff/me/second-factor")));
        assertNotNull(page.selectFirst("[data-qr] svg path"), "the QR code is drawn in the page");
        String shown = page.selectFirst("[data-secret]").text();
        assertTrue(shown.matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}"), shown);
        HttpResponse<String> done = browser.post("/staff/me/second-factor/confirm",
                Map.of("code", TotpCodes.at(shown, NOW.minusSeconds(30))));
        assertEquals(200, done.getStatus().getCode());
        assertEquals(10, Jsoup.parse(body(done)).select("[data-recovery-codes] li").size());
        return shown;
    }

    private Browser password(String username) {
        Browser browser = new Browser(client);
        HttpResponse<String> response = browser.post("/login", Map.of("username", username, "password", Fixtures.PASSWORD));
        assertEquals(303, response.getStatus().getCode());
        return browser;
    }

    @Test
    void the_password_alone_opens_no_session_and_the_code_does() {
        String secret = enrol(new Browser(client).login("desk", Fixtures.PASSWORD));

        Browser browser = new Browser(client);
        HttpResponse<String> afterPassword = browser.post("/login", Map.of("username", "desk", "password", Fixtures.PASSWORD));
        assertEquals("/login/code", afterPassword.getHeaders().get("Location"));
        assertNull(browser.cookie(Browser.SESSION), "no session cookie after the password");
        assertEquals("/login", browser.get("/staff").getHeaders().get("Location"));

        HttpResponse<String> wrong = browser.post("/login/code", Map.of("code", "000000"));
        assertEquals(422, wrong.getStatus().getCode());
        Document page = Jsoup.parse(body(wrong));
        assertEquals("second_factor_invalid", page.selectFirst("#code-error").attr("data-code"));
        assertEquals("000000", page.selectFirst("#code").val(), "what was typed is kept");
        assertNull(browser.cookie(Browser.SESSION));

        HttpResponse<String> right = browser.post("/login/code", Map.of("code", TotpCodes.at(secret, NOW)));
        assertEquals(303, right.getStatus().getCode());
        assertEquals("/staff", right.getHeaders().get("Location"));
        assertNotNull(browser.cookie(Browser.SESSION));
        assertEquals(200, browser.get("/staff").getStatus().getCode());
        assertNull(browser.cookie("rencontres_second_step"), "the challenge cookie is cleared");

        Browser replay = password("desk");
        assertEquals(422, replay.post("/login/code", Map.of("code", TotpCodes.at(secret, NOW))).getStatus().getCode(),
                "the same code twice is refused");
    }

    @Test
    void the_code_page_without_a_password_first_sends_back_to_sign_in() {
        HttpResponse<String> response = new Browser(client).get("/login/code");
        assertEquals("/login?error=second_factor_expired", response.getHeaders().get("Location"));
    }

    @Test
    void an_admin_without_a_factor_reaches_only_the_enrolment_page() {
        Browser admin = new Browser(client).login("admin", Fixtures.PASSWORD);
        assertEquals("/staff/me/second-factor", admin.get("/staff").getHeaders().get("Location"));
        assertEquals("/staff/me/second-factor", admin.get("/staff/accounts").getHeaders().get("Location"));
        assertEquals("/staff/me/second-factor", admin.get("/staff/me").getHeaders().get("Location"));
        HttpResponse<String> api = admin.send(HttpRequest.GET("/api/v1/organisations").accept(MediaType.APPLICATION_JSON));
        assertEquals(403, api.getStatus().getCode());
        assertTrue(body(api).contains("second_factor_enrolment_required"), body(api));
        HttpResponse<String> enrolPage = admin.get("/staff/me/second-factor");
        assertEquals(200, enrolPage.getStatus().getCode());
        assertNotNull(Jsoup.parse(body(enrolPage)).selectFirst("[data-code=second_factor_enrolment_required]"));

        enrol(admin);
        assertEquals(200, admin.get("/staff/accounts").getStatus().getCode());
        assertEquals(200, admin.send(HttpRequest.GET("/api/v1/organisations").accept(MediaType.APPLICATION_JSON)).getStatus().getCode());
    }

    @Test
    void a_staff_member_without_the_admin_role_may_go_without_a_factor() {
        Browser desk = new Browser(client).login("desk", Fixtures.PASSWORD);
        assertEquals(200, desk.get("/staff").getStatus().getCode());
        Document me = Jsoup.parse(body(desk.get("/staff/me")));
        assertEquals("off", me.selectFirst("[data-factor-state]").attr("data-factor-state"));
    }

    @Test
    void an_admin_resets_another_accounts_factor_but_not_their_own() {
        enrol(new Browser(client).login("desk", Fixtures.PASSWORD));
        Browser root = new Browser(client).login("root", Fixtures.PASSWORD);
        enrol(root);
        long deskId = accountId(root, "desk");
        long rootId = accountId(root, "root");

        HttpResponse<String> own = root.post("/staff/accounts/" + rootId + "/second-factor/reset", Map.of());
        assertEquals(409, own.getStatus().getCode());
        assertTrue(body(own).contains("second_factor_reset_own"));

        HttpResponse<String> reset = root.post("/staff/accounts/" + deskId + "/second-factor/reset", Map.of());
        assertEquals("/staff/accounts/" + deskId + "?done=second_factor_reset", reset.getHeaders().get("Location"));
        Document page = Jsoup.parse(body(root.get(reset.getHeaders().get("Location"))));
        assertEquals("accounts.done.second_factor_reset", page.selectFirst("[data-done]").attr("data-done"));
        assertTrue(page.select("td").eachText().contains("second_factor_reset"), "audited on the account's page");
        Browser desk = password("desk");
        assertNotNull(desk.cookie(Browser.SESSION), "after the reset the password alone signs in");
    }

    private static long accountId(Browser browser, String username) {
        Document list = Jsoup.parse(body(browser.get("/staff/accounts")));
        String href = list.select("a[href^=/staff/accounts/]").stream().filter(a -> a.text().contains(username))
                .findFirst().orElseThrow().attr("href");
        return Long.parseLong(href.substring("/staff/accounts/".length()));
    }
}
