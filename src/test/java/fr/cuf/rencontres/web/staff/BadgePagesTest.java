package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.badge.BadgeFixtures;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.Outcome;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.checkin.ScannerKit;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff badge page: print runs listed with their copies, new batches, reissuing a badge. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-07-08T09:12:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class BadgePagesTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures staff;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;
    @Inject CheckinService checkins;
    @Inject ScannerKit kit;

    BadgeFixtures.Conference conference;
    Registration maire;
    String csrf;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        staff.staff("desk", Role.REGISTRATION_DESK);
        staff.staff("scanner", Role.SCANNER);
        conference = fixtures.conference();
        maire = fixtures.register(conference.event(), "François", "Rebsamen", "Maire de Dijon", conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        fixtures.register(conference.event(), "Awa", "Diallo", null, conference.foreign(), ParticipantType.PRESS);
    }

    String slug() {
        return conference.event().slug();
    }

    HttpResponse<String> page(String path, String user) {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of(user)), String.class);
        r.getCookie("rencontres_csrf").ifPresent(c -> csrf = c.getValue());
        return r;
    }

    <T> HttpResponse<T> post(String path, Map<String, String> fields, Class<T> type) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&csrfToken=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bearerAuth(apiTokens.of("desk")).cookie(Cookie.of("rencontres_csrf", csrf)), type);
    }

    Outcome scan(String code) {
        return checkins.scan(new ScanRequest(code, null, "entrance:2026-07-08", "entry", UUID.randomUUID().toString(),
                null, null), "scanner").outcome();
    }

    @Test
    void print_run_page_lists_runs_and_gives_each_one_again() throws IOException {
        page("/staff/events/" + slug() + "/badges", "desk");
        HttpResponse<byte[]> printed = post("/staff/events/" + slug() + "/badges/print",
                Map.of("type", "PRESS", "since", "", "layout", "A4_LABELS_90X54"), byte[].class);
        assertEquals(HttpStatus.OK, printed.getStatus());
        assertEquals("1", printed.header("X-Badge-Count"));
        assertTrue(text(printed.body()).contains("Diallo"));

        String html = page("/staff/events/" + slug() + "/badges", "desk").body();
        long runId = badges.printRuns(conference.event().id()).get(0).id();
        assertTrue(html.contains("data-run=\"" + runId + "\""), html);
        assertTrue(html.contains("Test desk") || html.contains(">desk<"), "who printed it");
        assertTrue(html.contains("/staff/events/" + slug() + "/badges/runs/" + runId + ".pdf"));

        HttpResponse<byte[]> copy = client.toBlocking().exchange(HttpRequest
                .GET("/staff/events/" + slug() + "/badges/runs/" + runId + ".pdf").bearerAuth(apiTokens.of("desk")),
                byte[].class);
        String copied = text(copy.body());
        assertTrue(copied.contains("Diallo") && !copied.contains("Rebsamen"), copied);
        assertEquals(1, badges.printRuns(conference.event().id()).size(), "a copy is not a new run");
    }

    @Test
    void since_last_print_picks_only_the_registrations_made_after_it() throws IOException {
        page("/staff/events/" + slug() + "/badges", "desk");
        post("/staff/events/" + slug() + "/badges/print", Map.of("type", "", "since", "", "layout", "A6"), byte[].class);
        fixtures.register(conference.event(), "Zoé", "Nouvelle", null, conference.dijon(), ParticipantType.PARTNER);
        HttpResponse<byte[]> since = post("/staff/events/" + slug() + "/badges/print",
                Map.of("type", "", "since", "last-print", "layout", "A6"), byte[].class);
        assertEquals("1", since.header("X-Badge-Count"));
        String text = text(since.body());
        assertTrue(text.contains("Nouvelle") && !text.contains("Rebsamen") && !text.contains("Diallo"), text);

        HttpClientResponseException nothing = assertThrows(HttpClientResponseException.class,
                () -> post("/staff/events/" + slug() + "/badges/print",
                        Map.of("type", "", "since", "last-print", "layout", "A6"), String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, nothing.getStatus());
        assertTrue(nothing.getResponse().getBody(String.class).orElse("").contains("no_badges_to_print"));
    }

    @Test
    void reissue_refuses_the_old_code_accepts_the_new_one_and_revokes_it_offline() {
        String old = badges.codeFor(maire.id());
        page("/staff/events/" + slug() + "/badges", "desk");
        HttpResponse<String> done = post("/staff/events/" + slug() + "/badges/reissue/" + maire.id(), Map.of(), String.class);
        assertEquals(HttpStatus.SEE_OTHER, done.getStatus());
        assertEquals("/staff/registrations/" + conference.event().id() + "/r/" + maire.id(), done.header("Location"));

        String renewed = badges.codeFor(maire.id());
        assertFalse(old.equals(renewed));
        assertEquals(Outcome.SUPERSEDED_BADGE, scan(old));
        assertEquals(Outcome.OK, scan(renewed));
        assertTrue(kit.forEvent(slug()).superseded().stream()
                .anyMatch(s -> s.registrationId() == maire.id() && s.currentVersion() == 2), "offline revocation list");
    }

    @Test
    void reissue_page_link_is_on_the_registration_and_refuses_other_events_and_scanners() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement detail = c.prepareStatement("INSERT INTO registration_detail (registration_id, event_id,"
                     + " email, secret_hash) VALUES (?, ?, 'maire@example.org', 'x')")) {
            detail.setLong(1, maire.id());
            detail.setLong(2, conference.event().id());
            detail.executeUpdate();
        }
        String html = page("/staff/registrations/" + conference.event().id() + "/r/" + maire.id(), "desk").body();
        assertTrue(html.contains("/staff/events/" + slug() + "/badges/reissue/" + maire.id()), html);
        long other = fixtures.register(fixtures.conferenceWithSlug("autre-2026"), "Jean", "Autre", null,
                conference.dijon(), ParticipantType.STAFF).id();
        HttpClientResponseException notHere = assertThrows(HttpClientResponseException.class,
                () -> post("/staff/events/" + slug() + "/badges/reissue/" + other, Map.of(), String.class));
        assertEquals(HttpStatus.NOT_FOUND, notHere.getStatus());
        HttpClientResponseException scanner = assertThrows(HttpClientResponseException.class,
                () -> page("/staff/events/" + slug() + "/badges", "scanner"));
        assertEquals(HttpStatus.FORBIDDEN, scanner.getStatus());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
