package fr.cuf.rencontres.staff;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    @Test
    void a_refused_first_administrator_password_stops_the_start_with_the_setting_and_the_reason_in_words() {
        Map<String, Object> settings = Map.of(
                "datasources.default.url", "jdbc:h2:mem:first-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "rencontres.demo.load", "never",
                "rencontres.security.admin-username", "operator",
                "rencontres.security.admin-password", "operator-at-cuf-2026");
        Throwable failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(settings)) {
                // starting is the test
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("RENCONTRES_SECURITY_ADMIN_PASSWORD was refused: "
                + "The password must not contain the username. (password_contains_username)"), messages.toString());
    }
}
