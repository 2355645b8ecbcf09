package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18 item 7: text an attacker (or a broken client) sends is refused with a code, never a crash. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.registration.rate-limit-per-minute", value = "0")
class HostileInputTest {

    static final String API = "/api/v1/events/chroniques-mai/registrations";

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject EventService events;
    @Inject DataSource dataSource;

    Organisation dijon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        events.create(new EventForm("Chroniques géopolitiques", "chroniques-mai", EventKind.SERIES_MEETING, null,
                null, LocalDateTime.parse("2026-05-20T12:00"), LocalDateTime.parse("2026-05-20T13:00"),
                EventFormat.ONLINE, null, null, "https://visio.example.org/x", true, null, 2, null, null,
                EventStatus.PUBLISHED), "test");
    }

    private String json(String firstName, String lastName, String extra) {
        return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"email\":\"awa@example.org\","
                + "\"organisationId\":" + dijon.id() + ",\"participantType\":\"OFFICER\",\"consent\":true" + extra + "}";
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }

    private io.micronaut.http.MutableHttpRequest<String> postJson(String body) {
        return postJson(body, "en");
    }

    private io.micronaut.http.MutableHttpRequest<String> postJson(String body, String language) {
        return HttpRequest.POST(API, body).contentType(MediaType.APPLICATION_JSON_TYPE).header("Accept-Language", language);
    }

    private long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String one(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_nul_byte_in_a_name_is_refused_with_control_character_naming_the_field_and_nothing_is_written() {
        HttpClientResponseException e = refused(postJson(json("Awa\\u0000", "Diallo", "")));
        assertEquals(422, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"control_character\"") && body.contains("\"field\":\"firstName\""), body);
        assertTrue(body.contains("control character"), body);
        assertEquals(0, count("SELECT COUNT(*) FROM registration"));
        assertEquals(0, count("SELECT COUNT(*) FROM person"));
    }

    @Test
    void other_control_characters_are_refused_in_french_too_but_tabs_and_line_breaks_are_text() {
        HttpClientResponseException e = refused(postJson(json("Awa", "Dia\\u001bllo", ""), "fr"));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"field\":\"lastName\"") && body.contains("caractère de contrôle"), body);
        HttpResponse<String> ok = client.toBlocking().exchange(postJson(json("Awa", "Diallo",
                ",\"dietaryNeeds\":\"sans gluten\\n\\tvégétarien\"")), String.class);
        assertEquals(201, ok.code());
    }

    @Test
    void a_control_character_in_a_query_parameter_is_a_422_not_a_database_error() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/v1/organisations?q=Dij%00on")
                .bearerAuth("rct_not-a-token"));
        assertEquals(422, e.code());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("\"field\":\"q\""));
    }

    @Test
    void a_registration_body_over_64_kib_is_413_body_too_large_in_the_api_format() {
        String padding = "x".repeat(70_000);
        HttpClientResponseException e = refused(postJson(json("Awa", "Diallo", ",\"dietaryNeeds\":\"" + padding + "\"")));
        assertEquals(413, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"body_too_large\"") && body.contains("64 KiB"), body);
        assertEquals(0, count("SELECT COUNT(*) FROM registration"));
    }

    @Test
    void a_body_over_the_server_limit_is_413_in_the_service_format() {
        byte[] huge = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/organisations", huge)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Accept-Language", "fr"));
        assertEquals(413, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"body_too_large\"") && body.contains("trop volumineuse"), body);
    }

    @Test
    void thousands_of_answers_are_refused_with_too_many_answers() {
        StringBuilder answers = new StringBuilder(",\"answers\":{\"1\":[");
        for (int i = 0; i < 1000; i++) {
            answers.append(i == 0 ? "" : ",").append("\"a\"");
        }
        answers.append("]}");
        HttpClientResponseException e = refused(postJson(json("Awa", "Diallo", answers.toString())));
        assertEquals(422, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("\"code\":\"too_many_answers\""), body);
    }

    @Test
    void right_to_left_overrides_are_stripped_from_names() {
        HttpResponse<String> ok = client.toBlocking().exchange(postJson(json("Awa\\u202e", "\\u2066Diallo\\u2069", "")),
                String.class);
        assertEquals(201, ok.code());
        assertEquals("Awa Diallo", one("SELECT first_name || ' ' || last_name FROM person"));
    }

    @Test
    void the_public_form_shows_a_control_character_beside_its_field_with_what_was_typed() {
        String form = "firstName=" + URLEncoder.encode("Awa\u0000", StandardCharsets.UTF_8)
                + "&lastName=Diallo&email=awa%40example.org&participantType=OFFICER&organisationId=" + dijon.id()
                + "&consent=yes&colleague.0.lastName=" + URLEncoder.encode("Mar\u0007tin", StandardCharsets.UTF_8);
        HttpClientResponseException e = refused(HttpRequest.POST("/events/chroniques-mai/register", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "fr"));
        assertEquals(422, e.code());
        String page = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(page.contains("id=\"lastName\" name=\"lastName\" value=\"Diallo\""), "values kept: " + page);
        assertTrue(page.contains("caractère de contrôle"), page);
        assertTrue(page.contains("href=\"#firstName\"") && page.contains("href=\"#c0-last\""),
                "the summary links to both fields: " + page);
        assertEquals(0, count("SELECT COUNT(*) FROM registration"));
    }
}
