package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Unavailability;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.cuf.rencontres.web.staff.Browser.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group meetings and the timetable constraints through the staff pages, as a browser posts them. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class MeetingPagesTest {

    static final String CONSTRAINTS = "/staff/events/rencontres-2026/timetable/constraints";

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;
    @Inject EventRepository events;
    @Inject Unavailability.RoomUnavailabilityRepository roomOff;

    ScheduleFixtures.Small s;
    Group japon;
    Group chine;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        japon = fixtures.countryGroup("Groupe-pays Japon", Pole.ASIE, s.katja());
        chine = fixtures.countryGroup("Groupe-pays Chine", Pole.ASIE, s.katja());
        fixtures.staff("programme", Role.PROGRAMME);
        fixtures.staff("scanner", Role.SCANNER);
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

    private static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\" data-code=\"([a-z_]+)\">([^<]*)</p>")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private Map<String, String> meeting(Group group, String slug, String start, String end, String format) {
        return form("title", "Réunion " + group.name(), "slug", slug, "kind", "GROUP_MEETING", "format", format,
                "status", "PUBLISHED", "groupId", String.valueOf(group.id()), "startsAt", start, "endsAt", end,
                "venueId", String.valueOf(s.venue().id()), "roomId", String.valueOf(s.kleber().id()),
                "onlineLink", "https://visio.example.org/" + slug);
    }

    @Test
    void the_event_form_books_a_room_refuses_a_taken_one_and_asks_to_confirm_the_chairs_conflict() {
        Browser b = programme();
        assertEquals(303, b.post("/staff/events", meeting(japon, "japon-juin", "2026-06-04T10:00", "2026-06-04T11:00",
                "IN_PERSON")).getStatus().getCode());
        assertEquals(s.kleber().id(), events.findBySlug("japon-juin").orElseThrow().roomId());

        HttpResponse<String> taken = b.post("/staff/events", meeting(chine, "chine-juin", "2026-06-04T10:30",
                "2026-06-04T11:30", "HYBRID"));
        assertEquals(409, taken.getStatus().getCode());
        String html = body(taken);
        assertEquals("room_taken_meeting", fieldError(html, "roomId"));
        assertTrue(html.contains("La salle Salon Kléber est déjà réservée pour « Réunion Groupe-pays Japon »"), html);
        assertTrue(html.contains("chair_busy_meeting") && html.contains("name=\"confirmConflicts\""),
                "the chair's conflict is a warning with its box");

        Map<String, String> elsewhere = meeting(chine, "chine-juin", "2026-06-04T10:30", "2026-06-04T11:30", "HYBRID");
        elsewhere.put("roomId", String.valueOf(s.monge().id()));
        assertEquals(409, b.post("/staff/events", elsewhere).getStatus().getCode(), "not confirmed yet");
        elsewhere.put("confirmConflicts", "true");
        assertEquals(303, b.post("/staff/events", elsewhere).getStatus().getCode());

        String edit = body(b.get("/staff/events/" + events.findBySlug("chine-juin").orElseThrow().id() + "/edit"));
        assertTrue(edit.contains("Conflits de cette réunion") && edit.contains("Katja Krüger"),
                "the edit page keeps showing the confirmed conflict");
    }

    @Test
    void a_meeting_is_moved_then_cancelled_from_its_page_and_the_public_pages_and_feed_follow() {
        Browser b = programme();
        b.post("/staff/events", meeting(japon, "japon-juin", "2026-06-04T10:00", "2026-06-04T11:00", "IN_PERSON"));
        Event m = events.findBySlug("japon-juin").orElseThrow();
        String edit = body(b.get("/staff/events/" + m.id() + "/edit"));
        assertTrue(edit.contains("action=\"/staff/events/" + m.id() + "/move\"")
                && edit.contains("action=\"/staff/events/" + m.id() + "/cancel\""));

        HttpResponse<String> noReason = b.post("/staff/events/" + m.id() + "/move", form("moveStartsAt",
                "2026-06-05T14:00", "moveEndsAt", "2026-06-05T15:00", "moveFormat", "IN_PERSON",
                "moveRoomId", String.valueOf(s.monge().id())));
        assertEquals(422, noReason.getStatus().getCode());
        assertEquals("required", fieldError(body(noReason), "moveReason"));
        assertTrue(body(noReason).contains("value=\"2026-06-05T14:00\""), "the typed values are kept");

        assertEquals(303, b.post("/staff/events/" + m.id() + "/move", form("moveStartsAt", "2026-06-05T14:00",
                "moveEndsAt", "2026-06-05T15:00", "moveFormat", "IN_PERSON", "moveRoomId",
                String.valueOf(s.monge().id()), "moveReason", "Salon Kléber en travaux")).getStatus().getCode());
        Event moved = events.findById(m.id()).orElseThrow();
        assertEquals(LocalDateTime.parse("2026-06-05T14:00"), Times.paris(moved.startsAt()).toLocalDateTime());
        assertEquals(s.monge().id(), moved.roomId());
        String page = body(b.get("/events/japon-juin"));
        assertTrue(page.contains("Salon Monge"), "the public page names the room");

        assertEquals(422, b.post("/staff/events/" + m.id() + "/cancel", form("cancelReason", ""))
                .getStatus().getCode());
        assertEquals(303, b.post("/staff/events/" + m.id() + "/cancel",
                form("cancelReason", "La présidente est souffrante")).getStatus().getCode());
        assertEquals(EventStatus.CANCELLED, events.findById(m.id()).orElseThrow().status());

        assertTrue(body(b.get("/events/japon-juin")).contains("La présidente est souffrante"));
        String group = body(b.get("/groups/" + japon.slug()));
        assertTrue(group.contains("Annulé") || group.contains("annulé"), group);
        assertTrue(group.contains("La présidente est souffrante"));
        String ics = body(b.get("/groups/" + japon.slug() + "/meetings.ics"))
                .replace("\r\n ", "");
        assertTrue(ics.contains("STATUS:CANCELLED"), ics);
        assertTrue(ics.contains("SEQUENCE:2"), "one for the move, one for the cancellation: " + ics);
        assertTrue(ics.contains("La présidente est souffrante"), ics);
        assertFalse(body(b.get("/staff/events/" + m.id() + "/edit")).contains("/move\""), "no move once cancelled");
    }

    @Test
    void an_added_room_unavailability_shows_on_the_grid_and_goes_when_deleted() {
        fixtures.session(s.event(), "Point Chine", fr.cuf.rencontres.schedule.SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T11:00"), 90, s.kleber(), s.benoit());
        Browser b = programme();
        assertTrue(body(b.get("/staff/events/rencontres-2026/timetable")).contains("href=\"" + CONSTRAINTS + "\""),
                "the grid links to the constraints");
        assertFalse(body(b.get("/staff/events/rencontres-2026/timetable")).contains("room_unavailable"));

        HttpResponse<String> backwards = b.post(CONSTRAINTS + "/rooms", form("roomId", String.valueOf(s.kleber().id()),
                "roomStartsAt", "2026-07-08T12:00", "roomEndsAt", "2026-07-08T10:00", "roomReason", "Travaux"));
        assertEquals(422, backwards.getStatus().getCode());
        assertEquals("end_before_start", fieldError(body(backwards), "roomEndsAt"));
        assertEquals(303, b.post(CONSTRAINTS + "/rooms", form("roomId", String.valueOf(s.kleber().id()),
                "roomStartsAt", "2026-07-08T10:00", "roomEndsAt", "2026-07-08T12:00", "roomReason", "Travaux"))
                .getStatus().getCode());
        String grid = body(b.get("/staff/events/rencontres-2026/timetable"));
        assertTrue(grid.contains("room_unavailable"), "the warning appears on the grid");
        String list = body(b.get(CONSTRAINTS));
        assertTrue(list.contains("Travaux") && list.contains("Salon Kléber"));

        long id = roomOff.findAll().iterator().next().id();
        assertEquals(303, b.post(CONSTRAINTS + "/rooms/" + id + "/delete", form()).getStatus().getCode());
        assertFalse(body(b.get("/staff/events/rencontres-2026/timetable")).contains("room_unavailable"));
    }

    @Test
    void person_unavailability_and_blocks_are_added_with_their_errors_beside_their_fields() {
        fixtures.session(s.event(), "Point Sénégal", fr.cuf.rencontres.schedule.SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, s.monge(), s.katja());
        Browser b = programme();
        assertEquals(303, b.post(CONSTRAINTS + "/people", form("personId", String.valueOf(s.katja().id()),
                "personStartsAt", "2026-07-08T14:00", "personEndsAt", "2026-07-08T18:00", "personReason",
                "Conseil régional")).getStatus().getCode());
        assertTrue(body(b.get("/staff/events/rencontres-2026/timetable")).contains("person_unavailable"));

        HttpResponse<String> outside = b.post(CONSTRAINTS + "/blocks", form("blockKind", "BRIEFING", "blockDay",
                "2026-07-10", "blockStart", "14:30", "blockEnd", "16:00"));
        assertEquals(422, outside.getStatus().getCode());
        assertEquals("slot_outside_event", fieldError(body(outside), "blockDay"));
        assertEquals("required", fieldError(body(b.post(CONSTRAINTS + "/blocks", form("blockDay", "2026-07-08",
                "blockStart", "14:30", "blockEnd", "16:00"))), "blockKind"));
        // a briefing block that leaves the briefing out: the grid warns
        assertEquals(303, b.post(CONSTRAINTS + "/blocks", form("blockKind", "BRIEFING", "blockDay", "2026-07-08",
                "blockStart", "09:00", "blockEnd", "10:30")).getStatus().getCode());
        assertTrue(body(b.get("/staff/events/rencontres-2026/timetable")).contains("briefing_outside_blocks"));
    }

    @Test
    void scanners_cannot_see_or_change_constraints() {
        Browser scanner = new Browser(client).login("scanner", Fixtures.PASSWORD);
        assertEquals(403, scanner.get(CONSTRAINTS).getStatus().getCode());
        assertEquals(403, scanner.post(CONSTRAINTS + "/rooms", form("roomId", String.valueOf(s.kleber().id()),
                "roomStartsAt", "2026-07-08T10:00", "roomEndsAt", "2026-07-08T12:00")).getStatus().getCode());
        assertEquals(0, roomOff.count());
    }
}
