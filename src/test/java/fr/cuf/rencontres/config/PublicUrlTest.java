package fr.cuf.rencontres.config;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicUrlTest {

    @Test
    void without_a_configured_url_links_use_the_host_that_served_the_request() {
        assertEquals("http://rencontres.example:8140", PublicUrl.of(HttpRequest.GET("/events").header("Host", "rencontres.example:8140"), false));
    }

    @Test
    void behind_a_proxy_links_use_the_forwarded_scheme_and_host() {
        assertEquals("https://rencontres.cites-unies-france.org", PublicUrl.of(HttpRequest.GET("/events")
                .header("Host", "10.0.0.7:8080").header("X-Forwarded-Host", "rencontres.cites-unies-france.org")
                .header("X-Forwarded-Proto", "https"), true));
    }

    @Test
    void forwarded_headers_from_a_client_that_is_not_a_trusted_proxy_are_ignored() {
        assertEquals("http://rencontres.example", PublicUrl.of(HttpRequest.GET("/events")
                .header("Host", "rencontres.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https"), false));
    }

    @Test
    void a_host_header_that_is_not_a_host_never_reaches_a_link() {
        assertEquals("http://localhost", PublicUrl.of(HttpRequest.GET("/").header("Host", "evil.example/\"><script>"), false));
    }
}
