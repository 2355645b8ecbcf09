package fr.cuf.rencontres.config;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator's wrong setting stops the start and says which setting, with the variable to set, and why. */
class SettingsCheckTest {

    private static final String DATABASE = "jdbc:h2:mem:settings-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "rencontres.mail.batch-size | 0 | rencontres.mail.batch-size (RENCONTRES_MAIL_BATCH_SIZE) must be 1 or more",
            "rencontres.mail.lease | 5s | rencontres.mail.lease (RENCONTRES_MAIL_LEASE) must be 30s or longer",
            "rencontres.registration.rate-limit-per-minute | -1 | rencontres.registration.rate-limit-per-minute "
                    + "(RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE) must not be negative",
            "rencontres.privacy.retention-months | 0 | rencontres.privacy.retention-months "
                    + "(RENCONTRES_PRIVACY_RETENTION_MONTHS) must be 1 or more",
            "rencontres.schedule.max-solve-time | 0s | rencontres.schedule.max-solve-time must be 1s or longer",
            "rencontres.calendar.cache-max-age | -5s | rencontres.calendar.cache-max-age must not be negative",
            "rencontres.public-url | rencontres.example.org | rencontres.public-url (RENCONTRES_PUBLIC_URL) must be "
                    + "an absolute http(s) address"})
    void a_wrong_setting_stops_the_start_naming_the_setting_and_the_rule(String setting, String value, String said) {
        String messages = startFailure(Map.of(setting, value));
        assertTrue(messages.contains(said), messages);
    }

    @Test
    void the_defaults_and_the_limits_start_an_unset_public_url_and_a_rate_limit_switched_off_included() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", DATABASE,
                "rencontres.demo.load", "never",
                "rencontres.public-url", "",
                "rencontres.registration.rate-limit-per-minute", "0",
                "rencontres.mail.lease", "30s",
                "rencontres.mail.poll-interval", "500ms",
                "rencontres.privacy.needs-retention-days", "0"))) {
            assertTrue(context.isRunning());
        }
    }

    private static String startFailure(Map<String, Object> wrong) {
        Map<String, Object> settings = new java.util.HashMap<>(wrong);
        settings.put("datasources.default.url", DATABASE);
        settings.put("rencontres.demo.load", "never");
        settings.put("flyway.datasources.default.enabled", "false");
        Throwable failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(settings)) {
                // starting is the test
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
