package fr.cuf.rencontres.api;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class TimetableApiTest {

    static final String API = "/api/v1/events/rencontres-2026/timetable";

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;

    ScheduleFixtures.Small s;
    Session chine;
    Session eau;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        chine = schedule.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), s.benoit());
        eau = schedule.session(s, "Atelier Eau", "2026-07-08T11:00", 60, s.kleber(), s.benoit());
        fixtures.staff("prog", Role.PROGRAMME);
        fixtures.staff("scan", Role.SCANNER);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String user, HttpRequest<?> request) {
        return client.toBlocking().retrieve(((io.micronaut.http.MutableHttpRequest<?>) request)
                .bearerAuth(apiTokens.of(user)), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_timetable_lists_sessions_and_conflicts_for_programme_staff() {
        Map<String, Object> body = call("prog", HttpRequest.GET(API));
        assertEquals(2, ((List<?>) body.get("sessions")).size());
        List<Map<String, Object>> conflicts = (List<Map<String, Object>>) body.get("conflicts");
        assertEquals(List.of("room_double_booked", "person_overlap"), conflicts.stream().map(c -> c.get("code")).toList());
        assertEquals(2, body.get("hardConflicts"));
    }

    @Test
    void scanner_staff_and_anonymous_callers_are_refused() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> call("scan", HttpRequest.POST(API + "/publish", Map.of())));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        HttpClientResponseException a = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET(API)));
        assertEquals(HttpStatus.UNAUTHORIZED, a.getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void solve_poll_accept_then_publish() throws Exception {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> call("prog", HttpRequest.POST(API + "/publish", Map.of())));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("unpublishable_conflict"));

        Map<String, Object> started = call("prog", HttpRequest.POST(API + "/solve",
                Map.of("sessionIds", List.of(eau.id()), "timeLimitSeconds", 2)));
        Number id = (Number) started.get("id");
        Map<String, Object> run = started;
        for (int i = 0; i < 300 && "RUNNING".equals(run.get("status")); i++) {
            Thread.sleep(100);
            run = call("prog", HttpRequest.GET(API + "/solve/" + id));
        }
        assertEquals("FINISHED", run.get("status"), run.toString());
        assertEquals(0, ((Number) run.get("hardScore")).intValue());
        assertEquals(1, ((List<?>) run.get("proposal")).size());
        assertTrue(!((List<?>) run.get("scoreOverTime")).isEmpty());

        assertEquals("ACCEPTED", call("prog", HttpRequest.POST(API + "/solve/" + id + "/accept", Map.of())).get("status"));
        HttpResponse<Map> published = client.toBlocking().exchange(HttpRequest.POST(API + "/publish", Map.of())
                .bearerAuth(apiTokens.of("prog")), Map.class);
        assertEquals(HttpStatus.CREATED, published.getStatus());
        assertEquals(1, ((Number) published.body().get("number")).intValue());
    }
}
