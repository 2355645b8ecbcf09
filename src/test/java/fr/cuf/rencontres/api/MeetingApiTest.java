package fr.cuf.rencontres.api;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class MeetingApiTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;
    @Inject EventService events;

    ScheduleFixtures.Small s;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        Group maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, null);
        for (String slug : new String[]{"maroc-1", "maroc-2"}) {
            LocalDateTime at = LocalDateTime.parse(slug.endsWith("1") ? "2026-06-04T10:00" : "2026-06-04T14:00");
            events.create(new EventForm("Réunion Maroc", slug, EventKind.GROUP_MEETING, null, null, at, at.plusHours(1),
                    EventFormat.IN_PERSON, s.venue().id(), null, null, false, maroc.id(), null, null, null,
                    EventStatus.PUBLISHED, s.kleber().id()), "test");
        }
        fixtures.staff("prog", Role.PROGRAMME);
        fixtures.staff("scan", Role.SCANNER);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String user, String path, Map<String, Object> body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(apiTokens.of(user)), Map.class);
    }

    private HttpClientResponseException refused(String user, String path, Map<String, Object> body) {
        return assertThrows(HttpClientResponseException.class, () -> post(user, path, body));
    }

    @Test
    void a_move_into_a_taken_room_is_409_with_its_code_and_a_good_move_answers_the_meeting() {
        HttpClientResponseException e = refused("prog", "/api/v1/events/maroc-2/move", Map.of("startsAt",
                "2026-06-04T10:30", "endsAt", "2026-06-04T11:30", "format", "IN_PERSON", "roomId", s.kleber().id(),
                "reason", "Avancée"));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        String json = e.getResponse().getBody(String.class).orElse("");
        assertTrue(json.contains("\"code\":\"room_taken_meeting\"") && json.contains("\"field\":\"roomId\""), json);

        Map<String, Object> moved = post("prog", "/api/v1/events/maroc-2/move", Map.of("startsAt", "2026-06-04T10:30",
                "endsAt", "2026-06-04T11:30", "format", "IN_PERSON", "roomId", s.monge().id(), "reason", "Avancée"));
        assertEquals("2026-06-04T10:30:00+02:00", moved.get("start"));
        assertEquals(s.monge().id().intValue(), ((Number) moved.get("roomId")).intValue());
    }

    @Test
    void a_cancellation_needs_a_reason_and_programme_staff() {
        HttpClientResponseException noReason = refused("prog", "/api/v1/events/maroc-1/cancel", Map.of());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noReason.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused("scan", "/api/v1/events/maroc-1/cancel",
                Map.of("reason", "Grève")).getStatus());
        Map<String, Object> cancelled = post("prog", "/api/v1/events/maroc-1/cancel", Map.of("reason", "Grève"));
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("Grève", cancelled.get("cancellationReason"));
    }
}
