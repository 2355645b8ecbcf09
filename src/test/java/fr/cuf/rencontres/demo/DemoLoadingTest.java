package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start opens the port while the demo data loads in the background: meanwhile pages and the API answer
 * 503 demo_loading with Retry-After and the health is DOWN (liveness UP); once loaded, the site shows the demo.
 */
@DatabaseTest
class DemoLoadingTest {

    @Inject DemoLoading loading;
    @Inject DemoDataLoader loader;
    @Inject EmbeddedServer server;
    @Inject DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pages_answer_demo_loading_until_the_demo_is_in_then_show_it() throws Exception {
        TestDatabase.clean(dataSource);
        CountDownLatch gate = new CountDownLatch(1);
        loading.start(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return loader.load();
        });

        HttpResponse<String> page = get("/", "text/html");
        assertEquals(503, page.statusCode());
        assertEquals(DemoLoadingFilter.RETRY_AFTER, page.headers().firstValue("Retry-After").orElse(null));
        assertTrue(page.body().contains("data-code=\"demo_loading\""), page.body());
        assertTrue(page.body().contains("Les données de démonstration se chargent"), page.body());
        assertTrue(page.body().contains("<meta http-equiv=\"refresh\" content=\"5\">"), "the page reloads by itself");
        HttpResponse<String> api = get("/api/v1/events", "application/json");
        assertEquals(503, api.statusCode());
        assertTrue(api.body().contains("demo_loading"), api.body());
        assertEquals(503, get("/health", "application/json").statusCode());
        assertEquals(200, get("/health/liveness", "application/json").statusCode());

        gate.countDown();
        assertEquals(DemoLoading.State.LOADED, loading.await(Duration.ofMinutes(5)));
        assertEquals(200, get("/health", "application/json").statusCode());
        HttpResponse<String> home = get("/", "text/html");
        assertEquals(200, home.statusCode());
        assertFalse(home.body().contains("http-equiv=\"refresh\""), "a page that answers does not reload");
        HttpResponse<String> list = get("/api/v1/events", "application/json");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"slug\":\"rencontres-aict-"), list.body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept)
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
    }
}
