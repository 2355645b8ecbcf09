package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a proxy that terminates TLS the service only sees http: with an https public URL, the session and CSRF
 * cookies are still marked Secure, so a browser never sends them over plain http.
 */
@DatabaseTest
@Property(name = "rencontres.public-url", value = "https://rencontres.example")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SecureCookiesTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @Test
    void with_an_https_public_url_the_session_and_csrf_cookies_are_secure() {
        Browser browser = new Browser(client);
        HttpResponse<String> page = browser.get("/login");
        assertSecure(page.getHeaders().getAll("Set-Cookie"), Browser.CSRF);
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "desk", "password", Fixtures.PASSWORD));
        assertEquals(303, signedIn.code());
        List<String> cookies = signedIn.getHeaders().getAll("Set-Cookie");
        assertSecure(cookies, Browser.SESSION);
        assertSecure(cookies, Browser.CSRF);
    }

    private static void assertSecure(List<String> setCookies, String name) {
        String cookie = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
        assertTrue(cookie.toLowerCase().contains("; secure"), cookie);
    }
}
