package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.TestTokens;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class PersonalFeedTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject AgendaTokens tokens;
    @Inject Environment environment;

    Person elue;
    Registration atConference;
    Registration atMeeting;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
        world.fixtures.staff("desk", Role.REGISTRATION_DESK);
        world.fixtures.staff("scanner", Role.SCANNER);
        elue = world.fixtures.person("Léonore", "Moncond'huy", "Maire de Poitiers", null);
        atConference = world.register(elue, world.conference, RegistrationStatus.CONFIRMED);
        world.registrations.addSession(atConference.id(), world.opening.id(), "CONFIRMED", Instant.now());
        world.registrations.addSession(atConference.id(), world.cafe.id(), "CANCELLED", Instant.now());
        atMeeting = world.register(elue, world.japonMeeting, RegistrationStatus.CONFIRMED);
        world.register(elue, world.marocMeeting, RegistrationStatus.CANCELLED);
    }

    @SuppressWarnings("unchecked")
    String issueByApi(long registrationId, String suffix) {
        HttpResponse<Map> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/registrations/" + registrationId + "/calendar-token" + suffix, "")
                        .bearerAuth(apiTokens.of("desk")), Map.class);
        assertEquals(HttpStatus.CREATED, response.getStatus());
        Map<String, Object> body = response.body();
        assertTrue(((String) body.get("webcal")).startsWith("webcal://localhost:8080/calendar/"));
        return URI.create((String) body.get("https")).getPath();
    }

    HttpResponse<byte[]> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
    }

    HttpStatus statusOf(String path) {
        try {
            return get(path).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    @Test
    void agenda_holds_registered_events_chosen_sessions_and_the_online_link() {
        String path = issueByApi(atMeeting.id(), "");
        HttpResponse<byte[]> response = get(path);
        byte[] feed = response.body();
        List<String> uids = Ics.events(feed).stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
        assertTrue(uids.contains(world.uid(world.conference)), uids.toString());
        assertTrue(uids.contains(world.uid(world.opening)), "a chosen session");
        assertFalse(uids.contains(world.uid(world.briefing)), "a session not chosen");
        assertFalse(uids.contains(world.uid(world.cafe)), "a cancelled choice");
        assertTrue(uids.contains(world.uid(world.japonMeeting)));
        assertFalse(uids.contains(world.uid(world.marocMeeting)), "a cancelled registration");
        assertEquals(3, uids.size(), "the edition, its chosen session, the meeting");

        assertTrue(Ics.prop(Ics.event(feed, world.uid(world.japonMeeting)), "DESCRIPTION")
                .contains("Lien de connexion : https://visio.example.org/secret-japon"));
        assertEquals("text/calendar; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertTrue(response.getHeaders().get("Cache-Control").startsWith("private"));
        assertEquals("no-referrer", response.getHeaders().get("Referrer-Policy"));
        assertTrue(Ics.text(feed).contains("X-WR-CALNAME:Mon agenda — Cités Unies France"));

        HttpResponse<byte[]> again = client.toBlocking().exchange(
                HttpRequest.GET(path).header("If-None-Match", response.getHeaders().get("ETag")), byte[].class);
        assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus());
    }

    @Test
    void the_same_secret_reaches_only_its_owners_agenda() {
        Person other = world.fixtures.person("Autre", "Personne", null, null);
        world.register(other, world.marocMeeting, RegistrationStatus.CONFIRMED);
        String path = issueByApi(atMeeting.id(), "");
        assertFalse(Ics.text(get(path).body()).contains(world.uid(world.marocMeeting)));
    }

    @Test
    void a_renewed_address_replaces_the_old_one_while_issuing_keeps_both() {
        String first = issueByApi(atMeeting.id(), "");
        String second = issueByApi(atMeeting.id(), "");
        assertNotEquals(first, second);
        assertEquals(HttpStatus.OK, statusOf(first));
        assertEquals(HttpStatus.OK, statusOf(second));

        String renewed = issueByApi(atMeeting.id(), "/renew");
        assertEquals(HttpStatus.NOT_FOUND, statusOf(first));
        assertEquals(HttpStatus.NOT_FOUND, statusOf(second));
        assertEquals(HttpStatus.OK, statusOf(renewed));
    }

    @Test
    void revoking_or_erasing_the_registration_closes_the_agenda() {
        String path = issueByApi(atMeeting.id(), "");
        tokens.revoke(atMeeting.id(), "test");
        assertEquals(HttpStatus.NOT_FOUND, statusOf(path));

        String again = issueByApi(atMeeting.id(), "");
        assertEquals(HttpStatus.OK, statusOf(again));
        world.registrations.deleteById(atMeeting.id());
        assertEquals(HttpStatus.NOT_FOUND, statusOf(again));
    }

    @Test
    void malformed_or_unknown_secrets_are_not_found() {
        assertEquals(HttpStatus.NOT_FOUND, statusOf("/calendar/abc.ics"));
        assertEquals(HttpStatus.NOT_FOUND, statusOf("/calendar/" + "A".repeat(43) + ".ics"));
    }

    @Test
    void only_registration_staff_hand_out_addresses() {
        var asScanner = HttpRequest.POST("/api/v1/registrations/" + atMeeting.id() + "/calendar-token", "")
                .bearerAuth(apiTokens.of("scanner"));
        assertEquals(HttpStatus.FORBIDDEN, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(asScanner)).getStatus());
        var anonymous = HttpRequest.POST("/api/v1/registrations/" + atMeeting.id() + "/calendar-token", "");
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(anonymous)).getStatus());
        var unknown = HttpRequest.POST("/api/v1/registrations/999999/calendar-token", "").bearerAuth(apiTokens.of("desk"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(unknown));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("registration_not_found"));
    }

    @Test
    void the_secret_never_reaches_the_logs_nor_the_database() {
        assertFalse(environment.getProperty("micronaut.server.netty.access-logger.enabled", Boolean.class).orElse(false),
                "an access log would record secret addresses");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            String path = issueByApi(atMeeting.id(), "");
            String token = path.substring("/calendar/".length(), path.length() - ".ics".length());
            get(path);
            statusOf(path.replace(".ics", "x.ics"));
            for (ILoggingEvent event : captured.list) {
                assertFalse(event.getFormattedMessage().contains(token), event.getFormattedMessage());
            }
            assertEquals(0, rowsWithHash(token), "the secret itself is not stored");
            assertEquals(1, rowsWithHash(AgendaTokens.hash(token)), "its SHA-256 is");
        } finally {
            root.detachAppender(captured);
        }
    }

    private int rowsWithHash(String value) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var s = c.prepareStatement("SELECT COUNT(*) FROM calendar_token WHERE token_hash = ?")) {
            s.setString(1, value);
            var rs = s.executeQuery();
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
