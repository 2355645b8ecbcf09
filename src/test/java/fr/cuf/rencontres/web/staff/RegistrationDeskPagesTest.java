package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.Submission;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class RegistrationDeskPagesTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject RegistrationService registrations;
    @Inject DataSource dataSource;

    Event event;
    Organisation dijon;
    long awa;
    String csrf;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("scanner", Role.SCANNER);
        dijon = fixtures.dijon();
        event = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        awa = registrations.register(event.slug(), RegistrationRequest.builder().name("Awa", "Diallo")
                .email("awa@example.org").organisationId(dijon.id()).participantType(ParticipantType.OFFICER)
                .consent(true).locale("fr").build(), Submission.api(null)).id();
    }

    private String page(String path) {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of("desk")), String.class);
        r.getCookie("rencontres_csrf").ifPresent(c -> csrf = c.getValue());
        return r.body();
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&csrfToken=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return client.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).bearerAuth(apiTokens.of("desk"))
                .cookie(Cookie.of("rencontres_csrf", csrf)), String.class);
    }

    @Test
    void the_desk_lists_filters_and_counts_registrations() {
        String html = page("/staff/registrations/" + event.id());
        assertTrue(html.contains("Diallo") && html.contains("awa@example.org"), html);
        assertTrue(html.contains("CONFIRMED"));
        assertTrue(page("/staff/registrations/" + event.id() + "?q=zzz").contains("Aucune inscription ne correspond"));
        assertTrue(page("/staff/registrations/" + event.id() + "?status=CONFIRMED").contains("Diallo"));
    }

    @Test
    void the_desk_registers_on_the_spot_adds_categories_and_cancels() {
        page("/staff/registrations/" + event.id());
        HttpResponse<String> added = post("/staff/registrations/" + event.id() + "/categories",
                Map.of("code", "non-member", "labelFr", "Non-adhérent", "labelEn", "Non-member", "appliesTo", "NON_MEMBER",
                        "priceEuros", "120"));
        assertEquals(HttpStatus.SEE_OTHER, added.getStatus());
        HttpResponse<String> registered = post("/staff/registrations/" + event.id() + "/desk",
                Map.of("firstName", "Jean", "lastName", "Sur-Place", "email", "jean@example.org",
                        "organisationName", "Mairie de Nulle-Part", "participantType", "OFFICER", "consent", "yes"));
        assertEquals(HttpStatus.SEE_OTHER, registered.getStatus());
        String html = page("/staff/registrations/" + event.id());
        assertTrue(html.contains("Sur-Place") && html.contains("PENDING_PAYMENT") && html.contains("120,00 €"), html);
        assertEquals(HttpStatus.SEE_OTHER, post("/staff/registrations/" + event.id() + "/r/" + awa + "/cancel", Map.of()).getStatus());
        assertTrue(page("/staff/registrations/" + event.id() + "?status=CANCELLED").contains("Diallo"));
    }

    @Test
    void refusals_are_shown_on_the_desk_page() {
        page("/staff/registrations/" + event.id());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> post("/staff/registrations/" + event.id() + "/desk", Map.of("firstName", "Awa", "lastName", "Diallo",
                        "email", "awa@example.org", "organisationId", String.valueOf(dijon.id()),
                        "participantType", "OFFICER", "consent", "yes")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("déjà inscrite"));
    }

    @Test
    void a_scanner_cannot_open_the_desk() {
        HttpStatus status;
        try {
            HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET("/staff/registrations/" + event.id())
                    .accept(MediaType.TEXT_HTML).bearerAuth(apiTokens.of("scanner")), String.class);
            status = r.getStatus();
            assertTrue(r.header("Location") != null && r.header("Location").contains("forbidden"), String.valueOf(r.header("Location")));
        } catch (HttpClientResponseException e) {
            status = e.getStatus();
        }
        assertTrue(status != HttpStatus.OK, status.toString());
    }
}
