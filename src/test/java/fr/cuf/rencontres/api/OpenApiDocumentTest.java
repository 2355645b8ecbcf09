package fr.cuf.rencontres.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class OpenApiDocumentTest {

    @Inject @Client("/") HttpClient client;

    @Test
    void the_openapi_document_is_served_and_lists_the_api_only() {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/openapi/rencontres-0.1.0.yml"), String.class);
        assertEquals(200, response.code());
        assertEquals("application/yaml", response.getContentType().orElseThrow().getName());
        String yaml = response.body();
        assertTrue(yaml.contains("version: 0.1.0"), yaml);
        assertTrue(yaml.contains("  /api/v1/events:"));
        assertTrue(yaml.contains("  /api/v1/events/{slug}:"));
        assertTrue(yaml.contains("  /api/v1/groups:"));
        assertTrue(yaml.contains("  /api/v1/organisations:"));
        assertTrue(yaml.contains("scheme: bearer"), "API clients use API tokens");
        assertFalse(yaml.contains("scheme: basic"), "the API takes no password");
        assertTrue(yaml.contains("operationId: listEvents"));
        assertFalse(yaml.contains("  /login:"), "HTML pages are not part of the API");
        assertFalse(yaml.contains("  /staff:"));
        assertFalse(yaml.contains("onlineLink"), "the online link is never exposed");
    }
}
