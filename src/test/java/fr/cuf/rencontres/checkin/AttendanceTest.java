package fr.cuf.rencontres.checkin;

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
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-07-08T11:05:00+02:00")
class AttendanceTest {

    @Inject @Client("/") HttpClient client;

    @Inject TestTokens apiTokens;
    @Inject DataSource dataSource;
    @Inject Fixtures base;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;
    @Inject CheckinService checkins;
    @Inject Attendance attendance;
    @Inject AttendanceSheets sheets;

    BadgeFixtures.Conference conference;
    Registration zoe;
    Registration elise;
    Registration hacker;
    Registration absent;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        base.staff("door", Role.SCANNER);
        base.staff("front", Role.REGISTRATION_DESK);
        conference = fixtures.conference();
        zoe = fixtures.register(conference.event(), "Zoé", "Zola", "Journaliste", conference.dijon(), ParticipantType.PRESS);
        elise = fixtures.register(conference.event(), "Élise", "Émery", "Maire adjointe", conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        hacker = fixtures.register(conference.event(), "Eve", "Dupont", "=HYPERLINK(\"http://x\")", conference.dijon(),
                ParticipantType.OFFICER);
        absent = fixtures.register(conference.event(), "Adam", "Absent", null, conference.dijon(), ParticipantType.OFFICER);
        for (Registration r : List.of(zoe, elise, hacker)) {
            scan(r, "entrance:2026-07-08", "entry");
        }
        String workshop = "session:" + conference.climateWorkshop().id();
        scan(zoe, workshop, "entry");
        scan(elise, workshop, "entry");
        scan(elise, workshop, "exit");
        scan(hacker, workshop, "entry");
    }

    private void scan(Registration r, String list, String mode) {
        assertEquals(Outcome.OK, checkins.scan(new ScanRequest(badges.codeFor(r.id()), null, list, mode,
                UUID.randomUUID().toString(), null, null), "door").outcome());
    }

    @Test
    void live_view_counts_arrivals_occupancy_and_no_shows() {
        Attendance.Live live = attendance.live("rencontres-2026");
        assertEquals(4, live.registered());
        assertEquals(3, live.days().get(0).checkedIn());
        assertEquals(0, live.days().get(1).checkedIn());
        Attendance.SessionLine workshop = live.sessions().stream()
                .filter(s -> s.sessionId() == conference.climateWorkshop().id()).findFirst().orElseThrow();
        assertEquals(3, workshop.checkedIn());
        assertEquals(2, workshop.inside(), "Élise went out");
        assertEquals(3, workshop.capacity(), "no capacity of its own: the room's");
        assertEquals(67, workshop.percent());
        assertEquals(List.of("Absent"), live.notArrived().stream().map(Attendee::lastName).toList());

        String html = client.toBlocking().retrieve(HttpRequest.GET("/staff/events/rencontres-2026/attendance")
                .bearerAuth(apiTokens.of("door")).accept("text/html"));
        assertTrue(html.contains("data-list=\"session:" + conference.climateWorkshop().id() + "\" data-inside=\"2\""), html);
        assertTrue(html.contains("2 / 3 (67 %)"), html);
        assertTrue(html.contains("data-not-arrived=\"1\""), html);
        assertTrue(html.contains("<svg"), html);
    }

    /** The scanner role works at the doors: no attendance sheet, no person records, no names of absentees. */
    @Test
    void the_scanner_role_gets_no_sheets_and_no_person_records() {
        for (String path : List.of("/staff/events/rencontres-2026/attendance/sheet.csv?list=entrance:2026-07-08",
                "/staff/events/rencontres-2026/attendance/sheet.pdf?list=entrance:2026-07-08", "/staff/persons")) {
            io.micronaut.http.client.exceptions.HttpClientResponseException refused = org.junit.jupiter.api.Assertions
                    .assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                            () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(apiTokens.of("door"))
                                    .accept("*/*"), String.class));
            assertEquals(403, refused.getStatus().getCode(), path);
        }
        String live = client.toBlocking().retrieve(HttpRequest.GET("/staff/events/rencontres-2026/attendance")
                .bearerAuth(apiTokens.of("door")).accept("text/html"));
        assertTrue(!live.contains("sheet.csv") && !live.contains("class=\"not-arrived\""), "the occupancy, not the names");
    }

    @Test
    void csv_sheet_is_for_french_excel_in_list_order_with_formulas_neutralised() throws Exception {
        byte[] bytes = client.toBlocking().retrieve(HttpRequest.GET("/staff/events/rencontres-2026/attendance/sheet.csv?list=entrance:2026-07-08")
                .bearerAuth(apiTokens.of("front")), byte[].class);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertEquals(List.of("Nom", "Prénom", "Organisation", "Fonction", "Type", "Présent", "Heure d'arrivée", "Signature"),
                records.get(0).toList());
        assertEquals(List.of("Absent", "Dupont", "Émery", "Zola"), records.stream().skip(1).map(r -> r.get(0)).toList(),
                "French order: É between D and Z");
        CSVRecord dupont = records.get(2);
        assertEquals("'=HYPERLINK(\"http://x\")", dupont.get(3));
        assertEquals("oui", dupont.get(5));
        assertEquals("11:05", dupont.get(6));
        assertEquals("non", records.get(1).get(5));
    }

    @Test
    void pdf_sheet_lists_the_session_with_a_signature_column() throws Exception {
        byte[] pdf = sheets.pdf(attendance.sheet("rencontres-2026", "session:" + conference.climateWorkshop().id()));
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Feuille d'émargement"), text);
            assertTrue(text.contains("Atelier Climat — Salon Eiffel"), text);
            assertTrue(text.contains("Signature"), text);
            assertTrue(text.indexOf("Dupont") < text.indexOf("Émery") && text.indexOf("Émery") < text.indexOf("Zola"), text);
            assertTrue(!text.contains("Absent"), "not signed up, never came: not on a session's sheet");
        }
    }
}
