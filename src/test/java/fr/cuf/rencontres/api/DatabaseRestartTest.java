package fr.cuf.rencontres.api;

import fr.cuf.rencontres.support.DatabaseTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reliability script's PostgreSQL restart found (issue 18): a statement cut by the restart (57P01) makes
 * Hikari evict its connection and close the proxy; Micronaut Data then resets the connection (read-only flag) and
 * that fails with Hikari's "Connection is closed", without a SQLSTATE, which is the exception the request ends
 * with. It was answered 500 internal_error; it is the database being away: 503 with Retry-After.
 */
@DatabaseTest
@Property(name = "spec.name", value = "DatabaseRestartTest")
class DatabaseRestartTest {

    @Inject @Client("/") HttpClient client;

    @Test
    void a_request_whose_pooled_connection_was_evicted_as_broken_answers_503_with_retry_after() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/test-connection-evicted", "{}").header("Accept-Language", "en"),
                        String.class));
        assertEquals(503, e.code());
        assertEquals("5", e.getResponse().header("Retry-After"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"service_unavailable\""), body);
    }

    @Requires(property = "spec.name", value = "DatabaseRestartTest")
    @Controller
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class EvictedConnectionController {

        @Inject DataSource dataSource;

        /**
         * A connection of the service's own pool (Hikari, on H2 or PostgreSQL) closed by the pool, as it does when
         * it marks one broken; then what Micronaut Data does when the request's connection completes: reset it.
         */
        @Post(value = "/api/v1/test-connection-evicted", produces = MediaType.APPLICATION_JSON)
        String connectionEvicted() throws SQLException {
            Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
            connection.close();
            try {
                connection.setReadOnly(false);
            } catch (SQLException closed) {
                throw new ConnectionException("Could not set JDBC Connection read-only: " + closed.getMessage(), closed);
            }
            return "{}";
        }
    }
}
