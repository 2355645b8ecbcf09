package fr.cuf.rencontres.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "spec.name", value = "UnexpectedErrorTest")
class UnexpectedErrorTest {

    @Inject @Client("/") HttpClient client;

    @Test
    void a_crash_on_the_api_answers_a_coded_json_error_without_the_stack_trace() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/test-crash").header("Accept-Language", "fr"), String.class));
        assertEquals(500, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"internal_error\""), body);
        assertTrue(body.contains("Une erreur interne"), body);
        assertFalse(body.contains("secret detail"), "the exception's message is never shown: " + body);
        assertTrue(e.getResponse().header("X-Error-Reference").matches("[0-9a-f]{8}"));
    }

    @Test
    void a_crash_on_a_page_answers_the_error_page_in_the_site_layout() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/test-crash").accept(MediaType.TEXT_HTML), String.class));
        assertEquals(500, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("<html"), body);
        assertTrue(body.contains("internal_error"), body);
        assertFalse(body.contains("secret detail"), body);
    }

    @Test
    void malformed_json_is_bad_input_with_its_code_rather_than_a_crash() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/events/x/registrations", "{\"firstName\": 12")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).header("Accept-Language", "en"), String.class));
        assertEquals(400, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"invalid_json\""), body);
        assertTrue(body.contains("The request body is not valid JSON."), body);
    }

    @Test
    void an_unreachable_database_answers_503_service_unavailable_with_retry_after() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/test-database-down").header("Accept-Language", "en"), String.class));
        assertEquals(503, e.code());
        assertEquals("5", e.getResponse().header("Retry-After"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"service_unavailable\""), body);
        assertTrue(body.contains("temporarily unavailable"), body);
    }

    @Test
    void a_connection_cut_by_a_database_restart_answers_the_503_page() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/test-database-restarting").accept(MediaType.TEXT_HTML), String.class));
        assertEquals(503, e.code());
        assertEquals("5", e.getResponse().header("Retry-After"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("<html") && body.contains("service_unavailable"), body);
        assertTrue(body.contains("momentanément indisponible"), body);
    }

    @Requires(property = "spec.name", value = "UnexpectedErrorTest")
    @Controller
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class CrashingController {
        @Get(value = "/api/v1/test-crash", produces = MediaType.APPLICATION_JSON)
        String api() {
            throw new IllegalStateException("secret detail");
        }

        /** What the pool throws when PostgreSQL does not answer: a real Hikari pool on a port nobody listens on. */
        @Get(value = "/api/v1/test-database-down", produces = MediaType.APPLICATION_JSON)
        String databaseDown() throws java.sql.SQLException {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/nowhere");
            config.setConnectionTimeout(250);
            config.setInitializationFailTimeout(-1);
            try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
                 java.sql.Connection c = pool.getConnection()) {
                return "unreachable";
            }
        }

        /** What a statement gets when PostgreSQL shuts down under it (SQLSTATE 57P01), wrapped by Micronaut Data. */
        @Get(value = "/test-database-restarting", produces = MediaType.TEXT_HTML)
        String databaseRestarting() {
            throw new io.micronaut.data.exceptions.DataAccessException("Error executing SQL UPDATE",
                    new java.sql.SQLException("terminating connection due to administrator command", "57P01"));
        }

        @Get(value = "/test-crash", produces = MediaType.TEXT_HTML)
        String page() {
            throw new IllegalStateException("secret detail");
        }
    }
}
