package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.solver.TimetableRun;
import fr.cuf.rencontres.schedule.solver.TimetableRunRepository;
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
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff pages of automatic timetabling: start a run from the form, follow it, accept its proposal. */
@DatabaseTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SolverRunPagesTest {

    static final String GRID = "/staff/events/rencontres-2026/timetable";

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;
    @Inject SessionRepository sessions;
    @Inject TimetableRunRepository runs;
    @Inject fr.cuf.rencontres.schedule.ProgrammePublisher publisher;

    ScheduleFixtures.Small s;
    Session opening;
    Session clash;
    Session water;
    String csrf;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        opening = schedule.session(s, "Ouverture", "2026-07-08T09:00", 90, s.iena(), s.katja());
        clash = schedule.session(s, "Point Chine", "2026-07-08T09:00", 90, s.iena(), s.katja());
        water = schedule.session(s, "Atelier Eau et crises", null, 60, null, s.benoit());
        fixtures.staff("prog", Role.PROGRAMME);
        fixtures.staff("scan", Role.SCANNER);
    }

    private String csrf() {
        if (csrf == null) {
            csrf = client.toBlocking().exchange(HttpRequest.GET("/").accept(MediaType.TEXT_HTML), String.class)
                    .getCookie("rencontres_csrf").orElseThrow().getValue();
        }
        return csrf;
    }

    private HttpResponse<String> get(String user, String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of(user)).cookie(Cookie.of("rencontres_csrf", csrf())), String.class);
    }

    /** A form body as a browser sends it (checkboxes repeat their name). */
    private HttpResponse<String> post(String user, String path, String form) {
        String body = form + (form.isEmpty() ? "" : "&") + "csrfToken=" + csrf();
        return client.toBlocking().exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of(user)).cookie(Cookie.of("rencontres_csrf", csrf())), String.class);
    }

    @Test
    void a_run_started_from_the_form_is_followed_then_accepted_and_moves_the_sessions() throws Exception {
        String form = get("prog", GRID + "/runs").body();
        assertTrue(form.contains("name=\"sessionIds\" value=\"" + water.id() + "\""), "one checkbox per session");
        assertTrue(form.contains("name=\"timeLimitSeconds\""));

        HttpResponse<String> started = post("prog", GRID + "/runs",
                "sessionIds=" + clash.id() + "&sessionIds=" + water.id() + "&timeLimitSeconds=2");
        assertEquals(HttpStatus.SEE_OTHER, started.getStatus());
        String runPage = started.getHeaders().get("Location");
        assertTrue(runPage.matches(GRID + "/runs/\\d+"), runPage);
        long runId = Long.parseLong(runPage.substring(runPage.lastIndexOf('/') + 1));

        String running = get("prog", runPage).body();
        if (running.contains("data-status=\"RUNNING\"")) {
            assertTrue(running.contains("http-equiv=\"refresh\""), "a running run's page refreshes itself");
            assertTrue(running.contains("/runs/" + runId + "/stop"), "and can be stopped");
        }
        String done = awaitEnd(runPage);
        assertTrue(done.contains("data-status=\"FINISHED\""), done);
        assertTrue(!done.contains("http-equiv=\"refresh\""), "a finished run's page stops refreshing");
        assertTrue(done.contains("Atelier Eau et crises") && done.contains("Point Chine"), "proposal rows");
        assertTrue(done.contains("Explication du score") || done.contains("Aucune règle"), "score explanation");
        assertTrue(done.contains("/runs/" + runId + "/accept") && done.contains("/runs/" + runId + "/discard"));

        HttpResponse<String> accepted = post("prog", runPage + "/accept", "");
        assertEquals(HttpStatus.SEE_OTHER, accepted.getStatus());
        assertEquals(GRID, accepted.getHeaders().get("Location"));
        assertEquals(TimetableRun.Status.ACCEPTED, runs.findById(runId).orElseThrow().status());
        Session placedWater = sessions.findById(water.id()).orElseThrow();
        assertNotNull(placedWater.startsAt(), "the unplaced workshop is now on the grid");
        assertNotNull(placedWater.roomId());
        Session movedClash = sessions.findById(clash.id()).orElseThrow();
        assertNotEquals(opening.startsAt(), movedClash.startsAt(), "the clashing briefing left the chair's other session");
        assertEquals(opening.startsAt(), sessions.findById(opening.id()).orElseThrow().startsAt(), "unticked session pinned");
        assertTrue(get("prog", runPage).body().contains("data-status=\"ACCEPTED\""));
        assertTrue(get("prog", GRID + "/runs").body().contains(GRID + "/runs/" + runId), "listed among recent runs");

        publisher.publish(s.event(), "prog");
        String versions = get("prog", GRID + "/versions").body();
        assertTrue(versions.contains("Version publiée 1"), versions);
    }

    @Test
    void a_refused_start_comes_back_to_the_form_with_its_message() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> post("prog", GRID + "/runs", "timeLimitSeconds=5"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertNull(refused.getResponse().getHeaders().get("Location"), "the form itself, not a redirect");
        String page = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(page.contains("Choisissez au moins une séance"), "the message beside the sessions");
        assertTrue(page.contains("id=\"solve-limit\" name=\"timeLimitSeconds\" type=\"number\" min=\"1\" max=")
                && page.contains("value=\"5\""), "the time limit typed is kept");
        assertTrue(page.contains("id=\"pick-" + water.id() + "\">") && !page.contains("id=\"pick-" + water.id() + "\" checked"),
                "the unplaced session was not ticked: it is not ticked again");
        assertEquals(List.of(), runs.findByEventIdOrderByIdDesc(s.event().id()));
    }

    @Test
    void scanner_staff_cannot_start_a_run_or_see_runs() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("scan", GRID + "/runs", "sessionIds=" + water.id() + "&timeLimitSeconds=2"));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> get("scan", GRID + "/runs")).getStatus());
        assertEquals(List.of(), runs.findByEventIdOrderByIdDesc(s.event().id()));
        assertNull(sessions.findById(water.id()).orElseThrow().startsAt());
    }

    @Test
    void the_versions_page_lists_published_versions() {
        assertTrue(get("prog", GRID + "/versions").body().contains("Aucune version publiée"));
    }

    private String awaitEnd(String runPage) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String html = get("prog", runPage).body();
            if (!html.contains("data-status=\"RUNNING\"")) {
                return html;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run did not end");
    }
}
