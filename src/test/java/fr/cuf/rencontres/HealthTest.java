package fr.cuf.rencontres;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class HealthTest {

    @Inject @Client("/") HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void health_is_up_with_the_database_status() {
        Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health"),
                Argument.mapOf(String.class, Object.class));
        assertEquals("UP", health.get("status"), health.toString());
        Map<String, Object> jdbc = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("jdbc");
        assertEquals("UP", jdbc.get("status"), health.toString());
        String expected = TestDatabase.isPostgresPass() ? "PostgreSQL" : "H2";
        assertTrue(jdbc.toString().contains("database=" + expected), jdbc.toString());
    }
}
