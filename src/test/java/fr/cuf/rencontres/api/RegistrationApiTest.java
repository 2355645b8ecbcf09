package fr.cuf.rencontres.api;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.registration.rate-limit-per-minute", value = "6")
class RegistrationApiTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject EventService events;
    @Inject DataSource dataSource;

    Organisation dijon;
    Event event;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        event = events.create(new EventForm("Chroniques géopolitiques", "chroniques-mai", EventKind.SERIES_MEETING, null,
                null, LocalDateTime.parse("2026-05-20T12:00"), LocalDateTime.parse("2026-05-20T13:00"),
                EventFormat.ONLINE, null, null, "https://visio.example.org/x", true, null, 2, null, null,
                EventStatus.PUBLISHED), "test");
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    private Map<String, Object> body(String email, Long organisationId) {
        return Map.of("firstName", "Awa", "lastName", "Diallo", "email", email,
                "organisationId", organisationId, "participantType", "OFFICER", "consent", true);
    }

    private HttpRequest<?> post(Map<String, Object> body, String key) {
        var request = HttpRequest.POST("/api/v1/events/chroniques-mai/registrations", body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    @SuppressWarnings("unchecked")
    @Test
    void registering_returns_201_with_status_price_and_personal_link_and_a_retry_returns_the_same() {
        HttpResponse<Map> first = client.toBlocking().exchange(post(body("awa@example.org", dijon.id()), "k-1"), Map.class);
        assertEquals(HttpStatus.CREATED, first.getStatus());
        Map<String, Object> json = first.body();
        assertEquals("CONFIRMED", json.get("status"));
        assertEquals(0, ((Number) json.get("priceCents")).intValue());
        String link = (String) json.get("personalLink");
        assertTrue(link.matches(".*/me/[A-Za-z0-9_-]{27}"), link);
        HttpResponse<Map> retry = client.toBlocking().exchange(post(body("awa@example.org", dijon.id()), "k-1"), Map.class);
        assertEquals(HttpStatus.OK, retry.getStatus());
        assertEquals(json.get("id"), retry.body().get("id"));
        assertEquals(link, retry.body().get("personalLink"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void refusals_are_coded() {
        HttpClientResponseException membersOnly = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(Map.of("firstName", "Awa", "lastName", "Diallo",
                        "email", "new@example.org", "organisationName", "Association Nouvelle",
                        "participantType", "OFFICER", "consent", true), null), Map.class));
        assertEquals(HttpStatus.FORBIDDEN, membersOnly.getStatus());
        assertEquals("members_only", membersOnly.getResponse().getBody(Map.class).orElseThrow().get("code"));

        client.toBlocking().exchange(post(body("a@example.org", dijon.id()), null), Map.class);
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body("a@example.org", dijon.id()), null), Map.class));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        Map<String, Object> error = again.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("already_registered", error.get("code"));
        assertTrue(String.valueOf(error.get("message")).contains("lien personnel"), String.valueOf(error.get("message")));

        client.toBlocking().exchange(post(body("b@example.org", dijon.id()), null), Map.class);
        HttpClientResponseException full = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body("c@example.org", dijon.id()), null), Map.class));
        assertEquals("event_full", full.getResponse().getBody(Map.class).orElseThrow().get("code"));

        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(Map.of("firstName", "Awa"), null), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, invalid.getStatus());
        assertTrue(((List<?>) invalid.getResponse().getBody(Map.class).orElseThrow().get("errors")).size() >= 3);
    }

    @SuppressWarnings("unchecked")
    @Test
    void staff_read_a_registration_and_the_personal_secret_cancels_it() {
        Map<String, Object> created = client.toBlocking().retrieve(post(body("awa@example.org", dijon.id()), null), Map.class);
        long id = ((Number) created.get("id")).longValue();
        String secret = ((String) created.get("personalLink")).replaceAll(".*/me/", "");
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/registrations/" + id), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        Map<String, Object> seen = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/registrations/" + id)
                .bearerAuth(apiTokens.of("desk")), Map.class);
        assertEquals("awa@example.org", seen.get("email"));

        HttpClientResponseException wrongSecret = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/registrations/" + id)
                        .header("X-Personal-Secret", "not-the-secret-not-the-secret")));
        assertEquals(HttpStatus.FORBIDDEN, wrongSecret.getStatus());
        assertEquals(HttpStatus.NO_CONTENT, client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/registrations/" + id)
                .header("X-Personal-Secret", secret)).getStatus());
        assertEquals("CANCELLED", client.toBlocking().retrieve(HttpRequest.GET("/api/v1/registrations/" + id)
                .bearerAuth(apiTokens.of("desk")), Map.class).get("status"));
    }

    @Test
    void too_many_requests_from_one_address_are_refused_with_429() {
        HttpClientResponseException limited = null;
        for (int i = 0; i < 8 && limited == null; i++) {
            try {
                client.toBlocking().exchange(post(body("r" + i + "@example.org", dijon.id()), null), Map.class);
            } catch (HttpClientResponseException e) {
                if (e.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                    limited = e;
                }
            }
        }
        assertTrue(limited != null, "the 7th request of the minute is refused");
        assertEquals("rate_limited", limited.getResponse().getBody(Map.class).orElseThrow().get("code"));
    }

    @Test
    void an_idempotency_key_sent_again_with_another_person_is_refused_and_reveals_nothing_of_the_first() {
        HttpResponse<Map> first = client.toBlocking().exchange(post(body("awa@example.org", dijon.id()),
                "predictable-key-1"), Map.class);
        assertEquals(HttpStatus.CREATED, first.getStatus());

        HttpClientResponseException reused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body("mallory@example.org", dijon.id()), "predictable-key-1"),
                        String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, reused.getStatus());
        String answer = reused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(answer.contains("idempotency_key_reused"), answer);
        assertFalse(answer.contains("awa@example.org") || answer.contains("/me/"), answer);

        HttpResponse<Map> retry = client.toBlocking().exchange(post(body("awa@example.org", dijon.id()),
                "predictable-key-1"), Map.class);
        assertEquals(HttpStatus.OK, retry.getStatus(), "the same request again is still a replay");
        assertEquals(first.body().get("personalLink"), retry.body().get("personalLink"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void an_english_client_gets_english_refusals_and_english_mails() {
        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(((io.micronaut.http.MutableHttpRequest<?>) post(Map.of("firstName", "Awa"), null)).header("Accept-Language", "en"), Map.class));
        assertEquals("This field is required.", ((List<Map<String, Object>>) invalid.getResponse().getBody(Map.class)
                .orElseThrow().get("errors")).get(0).get("message"));
        client.toBlocking().exchange(((io.micronaut.http.MutableHttpRequest<?>) post(body("en@example.org", dijon.id()), null)).header("Accept-Language", "en"), Map.class);
        client.toBlocking().exchange(post(body("fr@example.org", dijon.id()), null), Map.class);
        assertEquals(List.of("en"), outboxLocales("en@example.org"), "the registrant's language is stored and mailed in");
        assertEquals(List.of("fr"), outboxLocales("fr@example.org"));
    }

    private List<String> outboxLocales(String email) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var s = c.prepareStatement("SELECT locale FROM mail_outbox WHERE recipient = ?")) {
            s.setString(1, email);
            var rs = s.executeQuery();
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void an_empty_body_and_wrong_types_get_a_code_and_the_field_to_fix() {
        HttpClientResponseException empty = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/events/chroniques-mai/registrations", "")
                        .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, empty.getStatus());
        assertEquals("body_required", empty.getResponse().getBody(Map.class).orElseThrow().get("code"));

        HttpClientResponseException typed = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/events/chroniques-mai/registrations",
                        "{\"firstName\":\"Awa\",\"attendanceDay\":\"abc\"}").contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, typed.getStatus());
        Map<String, Object> error = typed.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("invalid_value", error.get("code"));
        assertEquals("attendanceDay", error.get("field"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void answers_to_questions_the_event_does_not_ask_are_refused() {
        Map<String, Object> withAnswer = new java.util.HashMap<>(body("q@example.org", dijon.id()));
        withAnswer.put("answers", Map.of("999999", List.of("yes")));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(withAnswer, null), Map.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        Map<String, Object> error = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("unknown_question", error.get("code"));
        assertEquals("answers.999999", error.get("field"));
    }
}
