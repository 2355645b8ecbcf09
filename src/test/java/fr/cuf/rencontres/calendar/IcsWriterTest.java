package fr.cuf.rencontres.calendar;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcsWriterTest {

    static final Instant CHANGED = Instant.parse("2026-04-01T12:34:56Z");

    static FeedEntry entry(String uid, Instant start, Instant end, boolean allDay, String summary) {
        return new FeedEntry(uid, 3, summary, start, end, allDay, "Salle 1, Paris", "Présidence : X\nProgramme : y",
                URI.create("https://example.org/events/x"), false, CHANGED, CHANGED);
    }

    @Test
    void same_entries_give_the_same_bytes_and_etag_whatever_their_order() {
        FeedEntry a = entry("a@x", Instant.parse("2026-07-08T07:00:00Z"), Instant.parse("2026-07-08T08:00:00Z"), false, "A");
        FeedEntry b = entry("b@x", Instant.parse("2026-07-08T09:00:00Z"), Instant.parse("2026-07-08T10:00:00Z"), false, "B");
        RenderedFeed one = IcsWriter.write("Feed", List.of(a, b));
        RenderedFeed two = IcsWriter.write("Feed", List.of(b, a));
        assertArrayEquals(one.body(), two.body());
        assertEquals(one.etag(), two.etag());
        assertEquals(CHANGED, one.lastModified());
        assertNotEquals(one.etag(), IcsWriter.write("Feed", List.of(a)).etag());
    }

    @Test
    void all_day_entries_end_the_day_after_their_last_day() {
        // 1 Dec 09:00 to 2 Dec 17:00, and a day ending exactly at midnight (Paris)
        String text = Ics.text(IcsWriter.write("Feed", List.of(
                entry("a@x", Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-02T16:00:00Z"), true, "A"),
                entry("b@x", Instant.parse("2026-12-09T23:00:00Z"), Instant.parse("2026-12-11T23:00:00Z"), true, "B")))
                .body());
        assertTrue(text.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261203"), text);
        assertTrue(text.contains("DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261212"), text);
    }

    @Test
    void text_is_escaped_and_the_stamp_is_the_records_last_change() {
        String text = Ics.text(IcsWriter.write("Feed", List.of(entry("a@x", Instant.parse("2026-07-08T07:00:00Z"),
                Instant.parse("2026-07-08T08:00:00Z"), false, "Atelier; climat, énergie"))).body());
        assertTrue(text.contains("SUMMARY:Atelier\\; climat\\, énergie"), text);
        assertTrue(text.contains("DESCRIPTION:Présidence : X\\nProgramme : y"));
        assertTrue(text.contains("DTSTAMP:20260401T123456Z"));
        assertTrue(text.contains("LAST-MODIFIED:20260401T123456Z"));
        assertTrue(text.contains("SEQUENCE:3"));
    }
}
