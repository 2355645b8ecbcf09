package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.cuf.rencontres.web.staff.Browser.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A control character typed in a staff form is refused beside its field, with what was typed kept (issue 18, item 7). */
@DatabaseTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class StaffFormTextTest {

    static final String BEL = "\u0007";

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject OrganisationRepository organisations;
    @Inject EventRepository events;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("programme", Role.PROGRAMME);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\" data-code=\"([a-z_]+)\">([^<]*)</p>")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void a_control_character_in_the_organisation_form_is_shown_beside_its_field_and_nothing_is_written() {
        Browser desk = new Browser(client).login("desk", Fixtures.PASSWORD);
        HttpResponse<String> answer = desk.post("/staff/organisations", form("name", "Ville de" + BEL + " Lyon",
                "kind", "COMMUNE", "country", "FR", "postalCode", "69001", "city", "Lyon"));
        assertEquals(422, answer.getStatus().getCode());
        String html = body(answer);
        assertEquals("control_character", fieldError(html, "name"), html);
        assertNull(fieldError(html, "city"), "only the field holding it");
        assertTrue(html.contains("value=\"Ville de" + BEL + " Lyon\""), "what was typed is kept");
        assertTrue(html.contains("value=\"Lyon\""), "the other values are kept");
        assertTrue(html.contains("caractère de contrôle"), "the message, in French");
        assertEquals(0, organisations.count());
    }

    @Test
    void a_control_character_in_the_event_edit_form_is_shown_beside_its_field_and_the_event_is_unchanged() {
        Browser programme = new Browser(client).login("programme", Fixtures.PASSWORD);
        Group climat = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, null);
        Map<String, String> meeting = form("title", "Réunion du groupe Climat", "kind", "GROUP_MEETING", "format", "ONLINE",
                "status", "PUBLISHED", "groupId", String.valueOf(climat.id()), "startsAt", "2026-03-30T16:00", "endsAt", "2026-03-30T17:00",
                "onlineLink", "https://visio.example.org/climat");
        assertEquals(303, programme.post("/staff/events", meeting).getStatus().getCode());
        Event event = events.findBySlug("reunion-du-groupe-climat").orElseThrow();

        Map<String, String> edited = new LinkedHashMap<>(meeting);
        edited.put("slug", event.slug());
        edited.put("title", "Réunion" + BEL + " déplacée");
        HttpResponse<String> answer = programme.post("/staff/events/" + event.id(), edited);
        assertEquals(422, answer.getStatus().getCode());
        String html = body(answer);
        assertEquals("control_character", fieldError(html, "title"), html);
        assertTrue(html.contains("value=\"Réunion" + BEL + " déplacée\""), "what was typed is kept");
        assertEquals("Réunion du groupe Climat", events.findById(event.id()).orElseThrow().title());

        programme.cookie("lang", "en");
        String english = body(programme.post("/staff/events/" + event.id(), edited));
        assertTrue(english.contains("control character"), "the message, in English");
    }

    @Test
    void a_staff_form_that_does_not_show_such_problems_still_refuses_them_on_the_error_page() {
        Browser desk = new Browser(client).login("desk", Fixtures.PASSWORD);
        HttpResponse<String> answer = desk.post("/staff/me/tokens", form("name", "script" + BEL));
        assertEquals(422, answer.getStatus().getCode());
        assertTrue(body(answer).contains("control_character"), body(answer));
        assertTrue(!body(desk.get("/staff/me")).contains("script" + BEL), "no token was made");
    }
}
