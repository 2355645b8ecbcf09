package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class OrganisationReviewPageTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject Fixtures fixtures;
    @Inject RegistrationService registrations;
    @Inject DataSource dataSource;

    String csrf;
    long typed;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("scanner", Role.SCANNER);
        Event event = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        long id = registrations.register(event.slug(), RegistrationRequest.builder().name("Awa", "Diallo")
                .email("awa@example.org").organisationName("Amicale des maires du Morvan")
                .participantType(ParticipantType.OFFICER).consent(true).locale("fr").build(), Submission.form(null)).id();
        typed = registrationOrganisation(id);
    }

    private long registrationOrganisation(long registrationId) {
        return fr.cuf.rencontres.registration.TestQueries.organisationOf(dataSource, registrationId);
    }

    private String page(String user) {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET("/staff/organisations/review")
                .accept(MediaType.TEXT_HTML).bearerAuth(apiTokens.of(user)), String.class);
        r.getCookie("rencontres_csrf").ifPresent(c -> csrf = c.getValue());
        return r.body();
    }

    @Test
    void theDeskSeesTypedOrganisationsWithTheirRegistrantsAndApprovesOne() {
        String html = page("desk");
        assertTrue(html.contains("Amicale des maires du Morvan"));
        assertTrue(html.contains("awa@example.org"));
        String body = "name=" + URLEncoder.encode("Amicale des maires du Morvan", StandardCharsets.UTF_8)
                + "&country=FR&kind=ASSOCIATION&csrfToken=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.POST("/staff/organisations/review/" + typed
                        + "/approve", body).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .bearerAuth(apiTokens.of("desk")).cookie(Cookie.of("rencontres_csrf", csrf)), String.class);
        assertEquals(HttpStatus.SEE_OTHER, r.getStatus());
        assertFalse(page("desk").contains("awa@example.org"), "approved: no longer waiting");
    }

    @Test
    void aScannerMayNotReviewOrganisations() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> page("scanner"));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }
}
