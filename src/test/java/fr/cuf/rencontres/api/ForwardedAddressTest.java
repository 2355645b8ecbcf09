package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.support.PostgresCondition;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registration rate limit counts the real client: X-Forwarded-For is believed only from a configured proxy
 * (rencontres.http.trusted-proxies), so a client cannot dodge the limit with a new forged address per request.
 */
@Tag("db")
@ExtendWith(PostgresCondition.class)
class ForwardedAddressTest {

    private static final int LIMIT = 3;

    @Test
    void a_forged_forwarded_for_header_does_not_escape_the_rate_limit() {
        try (ApplicationContext context = start("")) {
            assertEquals(HttpStatus.TOO_MANY_REQUESTS, statusAfter(context, i -> "203.0.113." + i));
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
        try (ApplicationContext context = start("127.0.0.1, 10.0.0.0/8")) {
            assertEquals(HttpStatus.CREATED, statusAfter(context, i -> "203.0.113." + i + ", 10.1.2.3"));
        }
        try (ApplicationContext context = start("127.0.0.1")) {
            assertEquals(HttpStatus.TOO_MANY_REQUESTS, statusAfter(context, i -> "203.0.113.7"));
        }
    }

    /** The status of the last of LIMIT + 2 registrations, each sent with the X-Forwarded-For given for it. */
    private static HttpStatus statusAfter(ApplicationContext context, java.util.function.IntFunction<String> forwardedFor) {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        long organisation = context.getBean(Fixtures.class).dijon().id();
        HttpStatus last = null;
        try (HttpClient client = HttpClient.create(server.getURL())) {
            for (int i = 0; i < LIMIT + 2; i++) {
                Map<String, Object> body = Map.of("firstName", "Awa", "lastName", "Diallo",
                        "email", "awa" + i + "@example.org", "organisationId", organisation,
                        "participantType", "OFFICER", "consent", true);
                try {
                    last = client.toBlocking().exchange(HttpRequest.POST("/api/v1/events/chroniques-juin/registrations", body)
                            .header("X-Forwarded-For", forwardedFor.apply(i)), Map.class).getStatus();
                } catch (HttpClientResponseException e) {
                    last = e.getStatus();
                }
            }
        }
        return last;
    }

    private static ApplicationContext start(String trustedProxies) {
        // one context per proxy setting (the resolver reads it once), in the test environment as @MicronautTest does
        ApplicationContext context = ApplicationContext.builder().environments("test").properties(Map.of(
                "rencontres.http.trusted-proxies", trustedProxies,
                "rencontres.registration.rate-limit-per-minute", String.valueOf(LIMIT),
                "rencontres.clock.fixed", "2026-05-01T10:00:00+02:00",
                "micronaut.server.port", "-1")).start();
        context.getBean(EmbeddedServer.class).start();
        TestDatabase.clean(context.getBean(DataSource.class));
        context.getBean(EventService.class).create(new EventForm("Chroniques géopolitiques", "chroniques-juin",
                EventKind.SERIES_MEETING, null, null, LocalDateTime.parse("2026-06-20T12:00"),
                LocalDateTime.parse("2026-06-20T13:00"), EventFormat.ONLINE, null, null, "https://visio.example.org/x",
                false, null, 50, null, null, EventStatus.PUBLISHED), "test");
        return context;
    }
}
