package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.schedule.SessionChanges;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
// every test rebuilds its data under the same slugs: no fingerprint may be trusted from one to the next
@Property(name = "rencontres.calendar.fingerprint-max-age", value = "PT0S")
class ProgrammeFeedTest {

    static final String FEED = "/events/rencontres-2026/programme.ics";

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject CalendarWorld world;
    @Inject SessionChanges sessionChanges;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        world.build();
    }

    HttpResponse<byte[]> get(String path) {
        return client.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
    }

    byte[] body(String path) {
        return get(path).body();
    }

    @Test
    void programme_feed_holds_each_placed_session_in_paris_time_with_its_time_zone() {
        HttpResponse<byte[]> response = get(FEED);
        assertEquals("text/calendar; charset=utf-8", response.getHeaders().get("Content-Type"));
        String text = Ics.text(response.body());
        assertTrue(text.contains("X-WR-CALNAME:17es Rencontres de l'AICT — programme"), text);
        assertTrue(text.contains("X-WR-TIMEZONE:Europe/Paris"));
        assertTrue(text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"));
        assertTrue(text.contains("X-PUBLISHED-TTL:PT1H"));
        assertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
        assertTrue(text.contains("DTSTART;TZID=Europe/Paris:20260708T090000"), text);

        List<VEvent> events = Ics.events(response.body());
        assertEquals(3, events.size());
        VEvent opening = Ics.event(response.body(), world.uid(world.opening));
        ZonedDateTime start = (ZonedDateTime) opening.getDateTimeStart().getDate();
        assertEquals(LocalDateTime.parse("2026-07-08T09:00"), start.withZoneSameInstant(Times.PARIS).toLocalDateTime());
        assertEquals("0", Ics.prop(opening, "SEQUENCE"));
        assertEquals("CONFIRMED", Ics.prop(opening, "STATUS"));
        assertEquals("Grand Salon Iéna, Salons de l'Hôtel des Arts et Métiers, 9 bis avenue d'Iéna, 75116 Paris",
                Ics.prop(opening, "LOCATION"));
        assertTrue(Ics.prop(opening, "DESCRIPTION").contains("Présidence : François Bonneau"));
        assertTrue(Ics.prop(opening, "DESCRIPTION").contains("http://localhost:8080/events/rencontres-2026"));
        assertEquals("http://localhost:8080/events/rencontres-2026", Ics.prop(opening, "URL"));
    }

    @Test
    void dtstamp_and_last_modified_come_from_the_record_not_the_request() {
        VEvent opening = Ics.event(body(FEED), world.uid(world.opening));
        String expected = world.opening.updatedAt().atZone(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        assertEquals(expected, Ics.prop(opening, "DTSTAMP"));
        assertEquals(expected, Ics.prop(opening, "LAST-MODIFIED"));
    }

    @Test
    void unchanged_feed_is_byte_identical_and_answers_304_to_either_validator() {
        HttpResponse<byte[]> first = get(FEED);
        HttpResponse<byte[]> second = get(FEED);
        assertArrayEquals(first.body(), second.body());
        String etag = first.getHeaders().get("ETag");
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "strong ETag: " + etag);
        assertEquals(etag, second.getHeaders().get("ETag"));
        assertFalse(first.getHeaders().contains("Set-Cookie"), "a cookie would keep shared caches away");

        HttpResponse<byte[]> byTag = client.toBlocking().exchange(
                HttpRequest.GET(FEED).header("If-None-Match", etag), byte[].class);
        assertEquals(HttpStatus.NOT_MODIFIED, byTag.getStatus());
        assertEquals(etag, byTag.getHeaders().get("ETag"));

        String lastModified = first.getHeaders().get("Last-Modified");
        HttpResponse<byte[]> byDate = client.toBlocking().exchange(
                HttpRequest.GET(FEED).header("If-Modified-Since", lastModified), byte[].class);
        assertEquals(HttpStatus.NOT_MODIFIED, byDate.getStatus());

        HttpResponse<byte[]> older = client.toBlocking().exchange(
                HttpRequest.GET(FEED).header("If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT"), byte[].class);
        assertEquals(HttpStatus.OK, older.getStatus());
        HttpResponse<byte[]> otherTag = client.toBlocking().exchange(
                HttpRequest.GET(FEED).header("If-None-Match", "\"something-else\""), byte[].class);
        assertEquals(HttpStatus.OK, otherTag.getStatus());
    }

    @Test
    void moving_a_session_raises_its_sequence_keeps_its_uid_and_changes_the_etag() {
        HttpResponse<byte[]> before = get(FEED);
        sessionChanges.move(world.briefing.id(), Times.fromParis(LocalDateTime.parse("2026-07-08T16:30")),
                Times.fromParis(LocalDateTime.parse("2026-07-08T18:00")), world.iena.id(), "test");

        HttpResponse<byte[]> after = client.toBlocking().exchange(
                HttpRequest.GET(FEED).header("If-None-Match", before.getHeaders().get("ETag")), byte[].class);
        assertEquals(HttpStatus.OK, after.getStatus());
        VEvent moved = Ics.event(after.body(), world.uid(world.briefing));
        assertEquals("1", Ics.prop(moved, "SEQUENCE"));
        assertTrue(Ics.prop(moved, "LOCATION").startsWith("Grand Salon Iéna"));
        assertTrue(Ics.text(after.body()).contains("DTSTART;TZID=Europe/Paris:20260708T163000"));
        assertEquals("0", Ics.prop(Ics.event(after.body(), world.uid(world.opening)), "SEQUENCE"));
        assertNotEquals(before.getHeaders().get("ETag"), after.getHeaders().get("ETag"));
    }

    @Test
    void a_cancelled_session_stays_marked_cancelled_with_a_higher_sequence() {
        sessionChanges.cancel(world.cafe.id(), "test");
        sessionChanges.cancel(world.cafe.id(), "test");
        VEvent cancelled = Ics.event(body(FEED), world.uid(world.cafe));
        assertEquals("CANCELLED", Ics.prop(cancelled, "STATUS"));
        assertEquals("ANNULÉ : Café des Rencontres", Ics.prop(cancelled, "SUMMARY"));
        assertEquals("1", Ics.prop(cancelled, "SEQUENCE"), "cancelling twice is one change");
    }

    @Test
    void cancelling_the_whole_event_cancels_its_sessions_with_a_higher_sequence() {
        world.change(world.conference, f -> CalendarWorld.withStatus(f, EventStatus.CANCELLED));
        for (VEvent e : Ics.events(body(FEED))) {
            assertEquals("CANCELLED", Ics.prop(e, "STATUS"));
            assertEquals("1", Ics.prop(e, "SEQUENCE"));
        }
    }

    @Test
    void an_event_without_sessions_is_its_own_all_day_entry_with_an_exclusive_end() {
        world.change(world.conference, f -> f); // untouched: no sequence change
        String text = Ics.text(body("/events/groupe-japon-2026-06-04/programme.ics"));
        assertTrue(text.contains("UID:" + world.uid(world.japonMeeting)), text);
        assertTrue(text.contains("DTSTART;TZID=Europe/Paris:20260604T103000"), text);

        var assises = world.events.create(new fr.cuf.rencontres.event.EventForm("Assises franco-marocaines",
                "assises-2026", fr.cuf.rencontres.event.EventKind.BILATERAL_MEETING, null, null,
                LocalDateTime.parse("2026-12-01T09:00"), LocalDateTime.parse("2026-12-02T17:00"),
                fr.cuf.rencontres.event.EventFormat.IN_PERSON, null, "Orléans, Hôtel de Région", null, false, null,
                null, null, null, EventStatus.PUBLISHED), "test");
        String multiDay = Ics.text(body("/events/assises-2026/programme.ics"));
        assertTrue(multiDay.contains("DTSTART;VALUE=DATE:20261201"), multiDay);
        assertTrue(multiDay.contains("DTEND;VALUE=DATE:20261203"), "the day after the last day");
        assertTrue(multiDay.contains("UID:" + world.uid(assises)));
        assertEquals("0", Ics.prop(Ics.event(body(FEED), world.uid(world.opening)), "SEQUENCE"));
    }

    @Test
    void unknown_and_draft_events_have_no_feed() {
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> get("/events/nothing-here/programme.ics")).getStatus());
        world.change(world.japonMeeting, f -> CalendarWorld.withStatus(f, EventStatus.DRAFT));
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> get("/events/groupe-japon-2026-06-04/programme.ics")).getStatus());
    }

    @Test
    void download_asks_the_browser_to_save_the_file() {
        HttpResponse<byte[]> response = get(FEED + "?download=1");
        assertEquals("attachment; filename=\"programme-rencontres-2026.ics\"",
                response.getHeaders().get("Content-Disposition"));
        assertFalse(get(FEED).getHeaders().contains("Content-Disposition"));
    }
}
