package fr.cuf.rencontres.api;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.badge.BadgeFixtures;
import fr.cuf.rencontres.badge.BadgeService;
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
@Property(name = "rencontres.clock.fixed", value = "2026-07-08T09:12:00+02:00")
class CheckinApiTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures base;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;

    BadgeFixtures.Conference conference;
    Registration maire;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        base.staff("door", Role.SCANNER);
        base.staff("desk", Role.REGISTRATION_DESK);
        base.staff("prog", Role.PROGRAMME);
        conference = fixtures.conference();
        maire = fixtures.register(conference.event(), "François", "Rebsamen", "Maire de Dijon", conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, Object body, String user) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(apiTokens.of(user))
                .header("Accept-Language", "fr"), Map.class);
    }

    Map<String, Object> scan(String nonce) {
        return post("/api/v1/checkins", Map.of("code", badges.codeFor(maire.id()), "list", "entrance:2026-07-08",
                "mode", "entry", "nonce", nonce), "door");
    }

    @Test
    void scanner_checks_in_over_http_basic_and_sees_the_duplicate_with_its_time() {
        Map<String, Object> first = scan("n1");
        assertEquals("ok", first.get("outcome"));
        assertEquals("François Rebsamen", first.get("name"));
        assertEquals("ELECTED_OFFICIAL", first.get("participantType"));
        assertEquals("Élu·e", first.get("participantTypeLabel"));
        assertEquals("Bienvenue", first.get("message"));
        Map<String, Object> second = scan("n2");
        assertEquals("already_checked_in", second.get("outcome"));
        assertEquals("Déjà entré·e à 09:12", second.get("message"));
        assertEquals(Boolean.TRUE, scan("n2").get("replayed"));
    }

    @Test
    void a_badge_code_read_with_surrounding_spaces_and_a_line_break_is_the_same_badge() {
        Map<String, Object> answer = post("/api/v1/checkins", Map.of("code", "  " + badges.codeFor(maire.id()) + "\r\n",
                "list", "entrance:2026-07-08", "mode", "entry", "nonce", "ws1"), "door");
        assertEquals("ok", answer.get("outcome"));
        assertEquals("François Rebsamen", answer.get("name"));
    }

    @Test
    void forged_code_is_answered_invalid_code_not_an_http_error() {
        Map<String, Object> answer = post("/api/v1/checkins", Map.of("code", "B1.1.1.1.forged", "list",
                "entrance:2026-07-08", "mode", "entry", "nonce", "n3"), "door");
        assertEquals("invalid_code", answer.get("outcome"));
        assertEquals(Boolean.FALSE, answer.get("accepted"));
    }

    @Test
    void malformed_scan_is_a_422_with_codes() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/checkins",
                Map.of("code", "x", "list", "hall", "nonce", "n4"), "door"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("invalid_checkin_list"));
    }

    @Test
    void only_scanner_roles_may_scan() {
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/checkins", Map.of("code", "x"))));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
        HttpClientResponseException programme = assertThrows(HttpClientResponseException.class,
                () -> scanAs("prog"));
        assertEquals(HttpStatus.FORBIDDEN, programme.getStatus());
        assertEquals("ok", scanAs("desk").get("outcome"), "the desk is granted SCANNER");
    }

    private Map<String, Object> scanAs(String user) {
        return post("/api/v1/checkins", Map.of("code", badges.codeFor(maire.id()), "list", "entrance:2026-07-08",
                "mode", "entry", "nonce", "as-" + user), user);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batch_reports_what_it_could_not_accept() {
        String code = badges.codeFor(maire.id());
        Map<String, Object> body = Map.of("scans", List.of(
                Map.of("code", code, "list", "entrance:2026-07-08", "mode", "entry", "nonce", "q1",
                        "scannedAt", "2026-07-08T06:58:00Z"),
                Map.of("code", code, "list", "entrance:2026-07-08", "mode", "entry", "nonce", "q2",
                        "scannedAt", "2026-07-08T07:01:00Z"),
                Map.of("code", code, "list", "entrance:2026-07-08", "mode", "entry", "nonce", "")));
        Map<String, Object> answer = post("/api/v1/checkins/batch", body, "door");
        assertEquals(3, answer.get("received"));
        assertEquals(1, answer.get("accepted"));
        assertEquals(2, ((List<Object>) answer.get("notAccepted")).size());
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertEquals("already_checked_in", ((Map<String, Object>) results.get(1).get("result")).get("outcome"));
        assertEquals("Déjà entré·e à 08:58", ((Map<String, Object>) results.get(1).get("result")).get("message"));
        assertEquals("invalid_nonce", ((Map<String, Object>) results.get(2).get("error")).get("code"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scanner_data_carries_the_public_key_revocations_and_roster() {
        Registration gone = fixtures.register(conference.event(), "Paul", "Abadie", null, conference.dijon(),
                ParticipantType.PRESS);
        fixtures.cancel(gone);
        badges.reissue(maire.id(), "desk");
        Map<String, Object> data = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/events/rencontres-2026/scanner-data")
                .bearerAuth(apiTokens.of("door")), Map.class);
        assertEquals(43, ((String) data.get("publicKey")).length(), "32 bytes, base64url");
        assertEquals(List.of(gone.id().intValue()), data.get("cancelled"));
        assertEquals(List.of(Map.of("registrationId", maire.id().intValue(), "currentVersion", 2)), data.get("superseded"));
        assertEquals(2, ((List<Object>) data.get("roster")).size());
        assertTrue(((List<Map<String, Object>>) data.get("lists")).stream()
                .anyMatch(l -> l.get("key").equals("entrance:2026-07-09")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lookup_by_name_finds_the_registration() {
        List<Map<String, Object>> found = (List<Map<String, Object>>) (List<?>) client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/events/rencontres-2026/checkin-lookup?name=rebs").bearerAuth(apiTokens.of("door")),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(1, found.size());
        assertEquals(maire.id().intValue(), found.get(0).get("registrationId"));
    }

    @Test
    void desk_downloads_badges_and_since_last_print_then_has_nothing_new() {
        HttpResponse<byte[]> pdf = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/events/rencontres-2026/badges.pdf?since=last-print&layout=a4_labels_90x54")
                        .bearerAuth(apiTokens.of("desk")), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        assertEquals("1", pdf.header("X-Badge-Count"));
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF-"));
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/events/rencontres-2026/badges.pdf?since=last-print")
                        .bearerAuth(apiTokens.of("desk")), byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, none.getStatus());
        assertTrue(none.getResponse().getBody(String.class).orElse("").contains("no_badges_to_print"));
        HttpResponse<byte[]> one = client.toBlocking().exchange(HttpRequest.GET("/api/v1/registrations/" + maire.id()
                + "/badge.pdf").bearerAuth(apiTokens.of("desk")), byte[].class);
        assertEquals(HttpStatus.OK, one.getStatus());
        HttpClientResponseException scanner = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/registrations/" + maire.id() + "/badge.pdf")
                        .bearerAuth(apiTokens.of("door")), byte[].class));
        assertEquals(HttpStatus.FORBIDDEN, scanner.getStatus());
    }
}
