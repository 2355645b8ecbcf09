package fr.cuf.rencontres;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class HealthTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void staff_read_the_database_status_in_the_health_details() {
        TestDatabase.clean(dataSource);
        fixtures.staff("ops", Role.ADMIN);
        Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health")
                .bearerAuth(apiTokens.of("ops")), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", health.get("status"), health.toString());
        Map<String, Object> jdbc = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("jdbc");
        assertEquals("UP", jdbc.get("status"), health.toString());
        String expected = TestDatabase.isPostgresPass() ? "PostgreSQL" : "H2";
        assertTrue(jdbc.toString().contains("database=" + expected), jdbc.toString());
    }

    @Test
    void anyone_else_reads_up_without_the_database_url_or_the_disk() {
        String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertTrue(health.contains("\"UP\""), health);
        assertFalse(health.contains("jdbc") || health.contains("diskSpace") || health.contains("details"), health);
    }
}
