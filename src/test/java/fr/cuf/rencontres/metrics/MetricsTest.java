package fr.cuf.rencontres.metrics;

import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.checkin.ScanResult;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.support.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "micronaut.metrics.enabled", value = "true")
@Property(name = "micronaut.metrics.export.prometheus.enabled", value = "true")
@Property(name = "endpoints.prometheus.enabled", value = "true")
class MetricsTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject TestTokens tokens;
    @Inject MeterRegistry registry;
    @Inject RegistrationService registrations;
    @Inject CheckinService checkins;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("root", Role.ADMIN);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @Test
    void a_refused_registration_is_counted_under_its_refusal_code() {
        RegistrationRequest request = RegistrationRequest.builder().name("Awa", "Martin").email("awa@example.fr")
                .participantType(ParticipantType.OFFICER).consent(true).locale("fr").build();
        DomainException refused = assertThrows(DomainException.class,
                () -> registrations.register("no-such-event", request, Submission.desk("test", false)));
        String code = refused.problems().get(0).code();
        double before = count("rencontres.registrations", code);
        assertThrows(DomainException.class,
                () -> registrations.register("no-such-event", request, Submission.desk("test", false)));
        assertEquals(before + 1, count("rencontres.registrations", code));
    }

    @Test
    void a_scan_is_counted_under_its_outcome() {
        ScanRequest forged = new ScanRequest("B1.1.1.1.forged", null, "entry", "in", "nonce-metrics-1", null, null);
        String outcome = scanOutcome(forged);
        double before = count("rencontres.scans", outcome);
        scanOutcome(new ScanRequest("B1.1.1.1.forged", null, "entry", "in", "nonce-metrics-2", null, null));
        assertEquals(before + 1, count("rencontres.scans", outcome), outcome);
    }

    private String scanOutcome(ScanRequest request) {
        try {
            ScanResult result = checkins.scan(request, "desk");
            return result.outcome().code();
        } catch (DomainException refused) {
            return refused.problems().get(0).code();
        }
    }

    @Test
    void prometheus_endpoint_is_for_admins_only() {
        var http = client.toBlocking();
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.GET("/prometheus"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        HttpClientResponseException desk = assertThrows(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.GET("/prometheus").bearerAuth(tokens.of("desk")), String.class));
        assertEquals(HttpStatus.FORBIDDEN, desk.getStatus());

        HttpResponse<String> admin = http.exchange(HttpRequest.GET("/prometheus").bearerAuth(tokens.of("root")),
                String.class);
        assertEquals(HttpStatus.OK, admin.getStatus());
        String body = admin.body();
        assertTrue(body.contains("rencontres_outbox_backlog{status=\"pending\"} 0.0"), body);
        assertTrue(body.contains("cache_gets_total{cache=\"badge-codes\""), "badge cache statistics");
    }

    private double count(String name, String outcome) {
        Counter counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
