package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.cuf.rencontres.web.staff.Browser.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back office's pages through HTTP, signed in as real staff roles; assertions on the pages' content. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class StaffPagesTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;
    @Inject OrganisationRepository organisations;
    @Inject PersonRepository persons;
    @Inject VenueRepository venues;
    @Inject RoomRepository rooms;
    @Inject EventRepository events;
    @Inject GroupRepository groups;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
        fixtures.staff("programme", Role.PROGRAMME);
    }

    private Browser desk() {
        return new Browser(client).login("desk", Fixtures.PASSWORD);
    }

    private Browser programme() {
        return new Browser(client).login("programme", Fixtures.PASSWORD);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    /** The text of the error paragraph shown beside a field, or null when there is none. */
    private static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\" data-code=\"([a-z_]+)\">([^<]*)</p>")
                .matcher(html);
        return m.find() ? m.group(1) + ": " + m.group(2).replace("&#x27;", "'").replace("&quot;", "\"") : null;
    }

    private static Map<String, String> lyon(String siren) {
        return form("name", "Ville de Lyon", "kind", "COMMUNE", "country", "FR", "siren", siren,
                "postalCode", "69001", "city", "Lyon");
    }

    @Test
    void invalid_siren_is_shown_beside_its_field_with_the_values_kept_and_nothing_written() {
        HttpResponse<String> response = desk().post("/staff/organisations", lyon("123456789"));
        assertEquals(422, response.getStatus().getCode());
        String html = body(response);
        assertEquals("invalid_siren: Numéro SIREN invalide : neuf chiffres avec une clé de contrôle correcte.",
                fieldError(html, "siren"));
        assertTrue(html.contains("value=\"Ville de Lyon\""), "the typed name is kept");
        assertTrue(html.contains("value=\"123456789\""), "the typed SIREN is kept");
        assertTrue(html.contains("aria-invalid=\"true\""));
        assertEquals(0, organisations.count());
    }

    @Test
    void every_problem_is_shown_at_once() {
        String html = body(desk().post("/staff/organisations", form("name", " ", "kind", "COMMUNE", "country", "XX")));
        assertEquals("required: Ce champ est obligatoire.", fieldError(html, "name"));
        assertTrue(fieldError(html, "country").startsWith("invalid_country:"));
        assertTrue(fieldError(html, "siren").startsWith("siren_required:"));
    }

    @Test
    void duplicate_siren_is_refused_naming_the_other_organisation() {
        fixtures.dijon();
        HttpResponse<String> response = desk().post("/staff/organisations", lyon("212123111"));
        assertEquals(409, response.getStatus().getCode());
        assertEquals("siren_taken: Ce SIREN est déjà celui de l'organisation « Ville de Dijon ».",
                fieldError(body(response), "siren"));
        assertEquals(1, organisations.count());
    }

    @Test
    void messages_are_in_english_with_the_language_cookie() {
        Browser desk = desk();
        desk.cookie("lang", "en");
        String html = body(desk.post("/staff/organisations", lyon("123456789")));
        assertEquals("invalid_siren: Invalid SIREN number: nine digits with a valid check digit.", fieldError(html, "siren"));
        assertTrue(html.contains("The form was not saved."));
    }

    @Test
    void organisation_created_then_made_member_for_2026_is_shown_as_member() {
        Browser desk = desk();
        HttpResponse<String> created = desk.post("/staff/organisations", lyon("216901231"));
        assertEquals(303, created.getStatus().getCode());
        String detail = created.getHeaders().get("Location");
        assertTrue(body(desk.get(detail)).contains("Non adhérente en 2026"));

        HttpResponse<String> added = desk.post(detail + "/memberships", form("membershipYear", "2026"));
        assertEquals(303, added.getStatus().getCode());
        assertEquals(detail, added.getHeaders().get("Location"));
        String page = body(desk.get(detail));
        assertTrue(page.contains("Adhérente en 2026"), page);
        assertTrue(page.contains("Adhésion ajoutée"), "the history shows the audit entry");
        String list = body(desk.get("/staff/organisations?q=Lyon"));
        assertTrue(list.contains("Ville de Lyon"));
        assertTrue(list.contains("badge-yes"), "member badge in the list");

        assertEquals(303, desk.post(detail + "/memberships/2026/delete", Map.of()).getStatus().getCode());
        assertTrue(body(desk.get(detail)).contains("Non adhérente en 2026"));
    }

    @Test
    void membership_year_out_of_range_is_refused_beside_the_field() {
        Browser desk = desk();
        Organisation dijon = fixtures.dijon();
        HttpResponse<String> response = desk.post("/staff/organisations/" + dijon.id() + "/memberships",
                form("membershipYear", "2031"));
        assertEquals(422, response.getStatus().getCode());
        assertEquals("invalid_membership_year: L'année d'adhésion doit être comprise entre 1975 et 2027.",
                fieldError(body(response), "membershipYear"));
    }

    @Test
    void organisation_search_finds_by_siren_and_city_and_pages() {
        Browser desk = desk();
        fixtures.dijon();
        assertTrue(body(desk.get("/staff/organisations?q=212123111")).contains("Ville de Dijon"));
        assertTrue(body(desk.get("/staff/organisations?q=dijon")).contains("Ville de Dijon"));
        assertFalse(body(desk.get("/staff/organisations?q=Marseille")).contains("Ville de Dijon"));
        assertTrue(body(desk.get("/staff/organisations")).contains("Page 1 sur 1"));
    }

    @Test
    void organisation_edit_keeps_its_values_and_saves() {
        Browser desk = desk();
        Organisation dijon = fixtures.dijon();
        String edit = body(desk.get("/staff/organisations/" + dijon.id() + "/edit"));
        assertTrue(edit.contains("value=\"212123111\""));
        assertTrue(edit.contains("<option value=\"COMMUNE\" selected>"));
        HttpResponse<String> saved = desk.post("/staff/organisations/" + dijon.id(), form("name", "Dijon Métropole",
                "kind", "INTERCOMMUNALITE", "country", "FR", "siren", "212123111", "city", "Dijon"));
        assertEquals(303, saved.getStatus().getCode());
        assertEquals("Dijon Métropole", organisations.findById(dijon.id()).orElseThrow().name());
    }

    @Test
    void person_is_created_found_by_organisation_and_email_must_be_unique() {
        Browser desk = desk();
        Organisation dijon = fixtures.dijon();
        HttpResponse<String> created = desk.post("/staff/persons", form("firstName", "Nathalie", "lastName", "Koenders",
                "functionTitle", "Première adjointe au maire", "email", "N.Koenders@Ville-Dijon.fr",
                "organisationId", String.valueOf(dijon.id()), "electedOfficial", "true"));
        assertEquals(303, created.getStatus().getCode());
        Person saved = persons.findByEmail("n.koenders@ville-dijon.fr").orElseThrow();
        assertTrue(saved.electedOfficial());
        String list = body(desk.get("/staff/persons?q=Dijon"));
        assertTrue(list.contains("Koenders Nathalie") && list.contains("Première adjointe au maire"), list);
        assertTrue(body(desk.get(created.getHeaders().get("Location"))).contains("Enregistré"));

        HttpResponse<String> duplicate = desk.post("/staff/persons", form("firstName", "N.", "lastName", "K.",
                "email", "n.koenders@ville-dijon.fr"));
        assertEquals(409, duplicate.getStatus().getCode());
        assertEquals("email_taken: Cette adresse e-mail est déjà celle d'une autre personne.",
                fieldError(body(duplicate), "email"));

        String invalid = body(desk.post("/staff/persons", form("firstName", "", "lastName", "Martin", "email", "martin@")));
        assertEquals("required: Ce champ est obligatoire.", fieldError(invalid, "firstName"));
        assertTrue(fieldError(invalid, "email").startsWith("invalid_email:"));
        assertEquals(1, persons.count());
    }

    @Test
    void venue_and_room_are_created_with_capacity_and_equipment() {
        Browser programme = programme();
        HttpResponse<String> created = programme.post("/staff/venues", form("name", "Hôtel de Ville de Dijon",
                "addressLine", "Place de la Libération", "postalCode", "21000", "city", "Dijon", "country", "FR",
                "openingTime", "08:30", "closingTime", "19:00"));
        assertEquals(303, created.getStatus().getCode());
        String venuePage = created.getHeaders().get("Location");
        Venue venue = venues.findAllOrderByName().get(0);
        assertEquals("/staff/venues/" + venue.id(), venuePage);

        HttpResponse<String> room = programme.post(venuePage + "/rooms", form("name", "Salle des États",
                "capacity", "180", "interpretationBooths", "true", "stage", "true"));
        assertEquals(303, room.getStatus().getCode());
        String page = body(programme.get(venuePage));
        assertTrue(page.contains("Salle des États"));
        assertTrue(page.contains("<td>180</td>"));
        assertTrue(page.contains("Estrade"));
        assertFalse(page.contains("Tables B2B</li>"), "unchecked equipment is not listed");
        Room saved = rooms.findByVenueIdOrderByCapacityDesc(venue.id()).get(0);
        assertTrue(saved.interpretationBooths() && saved.stage() && !saved.videoLink() && !saved.b2bTables());

        String refused = body(programme.post(venuePage + "/rooms", form("name", "Salle des États", "capacity", "abc")));
        assertEquals("invalid_number: Saisissez un nombre entier.", fieldError(refused, "capacity"));
        String taken = body(programme.post(venuePage + "/rooms", form("name", "Salle des États", "capacity", "20")));
        assertTrue(fieldError(taken, "name").startsWith("room_name_taken:"));

        HttpResponse<String> edited = programme.post("/staff/venues/rooms/" + saved.id(), form("name", "Salle des États",
                "capacity", "160", "videoLink", "true"));
        assertEquals(303, edited.getStatus().getCode());
        Room after = rooms.findById(saved.id()).orElseThrow();
        assertEquals(160, after.capacity());
        assertTrue(after.videoLink() && !after.stage());
    }

    @Test
    void event_is_created_in_paris_time_listed_and_edited() {
        Browser programme = programme();
        Group maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, null);
        HttpResponse<String> created = programme.post("/staff/events", form("title", "Réunion du groupe-pays Maroc",
                "kind", "GROUP_MEETING", "format", "ONLINE", "status", "PUBLISHED", "groupId", String.valueOf(maroc.id()),
                "startsAt", "2026-03-30T16:00", "endsAt", "2026-03-30T17:00", "onlineLink", "https://visio.example.org/maroc",
                "membersOnly", "true"));
        assertEquals(303, created.getStatus().getCode());
        Event event = events.findBySlug("reunion-du-groupe-pays-maroc").orElseThrow();
        assertEquals(LocalDateTime.parse("2026-03-30T16:00"), Times.paris(event.startsAt()).toLocalDateTime());
        assertTrue(event.membersOnly());
        String list = body(programme.get("/staff/events"));
        assertTrue(list.contains("Réunion du groupe-pays Maroc") && list.contains("Publié"), list);

        String edit = body(programme.get("/staff/events/" + event.id() + "/edit"));
        assertTrue(edit.contains("value=\"2026-03-30T16:00\""), "datetime-local shows Paris time");
        HttpResponse<String> refused = programme.post("/staff/events/" + event.id(), form("title", "Réunion",
                "kind", "GROUP_MEETING", "format", "ONLINE", "groupId", String.valueOf(maroc.id()),
                "startsAt", "2026-03-30T16:00", "endsAt", "2026-03-30T15:00"));
        assertEquals(422, refused.getStatus().getCode());
        assertEquals("end_before_start: La fin doit être postérieure au début.", fieldError(body(refused), "endsAt"));
        assertTrue(body(refused).contains("value=\"2026-03-30T15:00\""), "the typed end is kept");

        HttpResponse<String> cancelled = programme.post("/staff/events/" + event.id(), form("title",
                "Réunion du groupe-pays Maroc", "slug", event.slug(), "kind", "GROUP_MEETING", "format", "ONLINE",
                "status", "CANCELLED", "groupId", String.valueOf(maroc.id()), "startsAt", "2026-03-30T16:00",
                "endsAt", "2026-03-30T17:00", "onlineLink", "https://visio.example.org/maroc"));
        assertEquals(303, cancelled.getStatus().getCode());
        assertEquals("CANCELLED", events.findById(event.id()).orElseThrow().status().name());
    }

    @Test
    void group_chair_is_changed_and_shown() {
        Browser programme = programme();
        Organisation dijon = fixtures.dijon();
        Person first = fixtures.person("François", "Rebsamen", "Maire de Dijon", dijon);
        Person second = fixtures.person("Nathalie", "Koenders", "Première adjointe au maire", dijon);
        Group japon = fixtures.countryGroup("Groupe-pays Japon", Pole.ASIE, first);

        String edit = body(programme.get("/staff/groups/" + japon.id() + "/edit"));
        assertTrue(edit.contains("<option value=\"" + first.id() + "\" selected>"));
        HttpResponse<String> saved = programme.post("/staff/groups/" + japon.id(), form("name", "Groupe-pays Japon",
                "slug", japon.slug(), "kind", "COUNTRY", "pole", "ASIE", "chairPersonId", String.valueOf(second.id()),
                "description", "Coopération franco-japonaise."));
        assertEquals(303, saved.getStatus().getCode());
        assertEquals(second.id(), groups.findById(japon.id()).orElseThrow().chairPersonId());
        String list = body(programme.get(saved.getHeaders().get("Location")));
        int asia = list.indexOf("id=\"pole-ASIE\"");
        assertTrue(asia > 0 && list.indexOf("Nathalie Koenders", asia) > asia, "the new chair under the Asia pole");
        assertFalse(list.contains("François Rebsamen"));
        assertTrue(body(new Browser(client).get("/groups/" + japon.slug())).contains("Nathalie Koenders"));

        String refused = body(programme.post("/staff/groups", form("name", "Groupe-pays Chine", "kind", "COUNTRY")));
        assertTrue(fieldError(refused, "pole").startsWith("pole_required:"));
    }

    @Test
    void unknown_record_is_a_404_page() {
        assertEquals(404, desk().get("/staff/organisations/999999").getStatus().getCode());
    }

    @Test
    void nav_links_every_back_office_list() {
        String home = body(desk().get("/staff"));
        for (String link : List.of("/staff/events", "/staff/organisations", "/staff/persons", "/staff/groups",
                "/staff/venues")) {
            assertTrue(home.contains("href=\"" + link + "\""), link);
        }
        assertNotNull(Browser.hiddenCsrf(home), "the logout form carries the token");
    }
}
