package fr.cuf.rencontres.web;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page tells the browser not to be framed, not to sniff, not to run inline scripts; staff pages are not cached. */
@DatabaseTest
class SecurityHeadersTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @Test
    void a_public_page_forbids_framing_sniffing_and_inline_scripts() {
        HttpResponse<String> home = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        String csp = home.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
        assertEquals("'self'", scripts, "no inline or foreign script may run: " + csp);
        assertEquals("DENY", home.header("X-Frame-Options"));
        assertEquals("nosniff", home.header("X-Content-Type-Options"));
        assertEquals("same-origin", home.header("Referrer-Policy"));
        assertFalse("no-store".equals(home.header("Cache-Control")), "public pages may be cached");
    }

    @Test
    void staff_pages_are_never_stored_by_a_cache() {
        HttpResponse<String> staff = client.toBlocking().exchange(HttpRequest.GET("/staff")
                .bearerAuth(apiTokens.of("desk")), String.class);
        assertEquals("no-store", staff.header("Cache-Control"));
        assertTrue(staff.header("Content-Security-Policy").contains("default-src 'self'"));
    }
}
