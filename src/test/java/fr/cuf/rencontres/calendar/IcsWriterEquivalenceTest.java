package fr.cuf.rencontres.calendar;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IcsWriter writes the text itself for speed (issue 20); its bytes must stay those ical4j wrote before, so that
 * ETags, calendar apps and the independent parser see no change. Generated entries with every hard case: TEXT
 * that needs escaping (\ , ; CRLF, LF, a lone CR), accents and characters outside the BMP across fold
 * boundaries, lines of every length around the fold, instants with nanoseconds, all-day entries, nights of the
 * clock changes, every status.
 */
class IcsWriterEquivalenceTest {

    private static final String[] PIECES = {"a", "é", "Atelier", " ", ",", ";", "\\", "\n", "\r\n", "\r", ":", "\"",
            "—", "Île-de-France", "🇫🇷", "𝔘", "https://example.org/x?a=1&b=2", "Présidence : Léonore Moncond'huy", "\t"};

    @Test
    void writes_the_bytes_ical4j_wrote() {
        Random random = new Random(20);
        for (int feed = 0; feed < 400; feed++) {
            List<FeedEntry> entries = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                entries.add(entry(random, i));
            }
            String name = text(random, 1 + random.nextInt(90));
            assertEquals(new String(Ical4jWriter.write(name, entries).body(), StandardCharsets.UTF_8),
                    new String(IcsWriter.write(name, entries).body(), StandardCharsets.UTF_8), "feed " + feed);
            assertEquals(Ical4jWriter.write(name, entries).etag(), IcsWriter.write(name, entries).etag());
            assertEquals(Ical4jWriter.write(name, entries).lastModified(), IcsWriter.write(name, entries).lastModified());
        }
    }

    @Test
    void every_line_length_around_the_fold_is_folded_as_ical4j_folds() {
        for (int length = 60; length < 160; length++) {
            String summary = "x".repeat(length - 1) + "é";
            List<FeedEntry> entries = List.of(new FeedEntry("u@x", 0, summary, Instant.parse("2027-07-07T07:00:00Z"),
                    Instant.parse("2027-07-07T08:00:00Z"), false, summary, summary, URI.create("https://x.org/" + "p".repeat(length)),
                    false, Instant.EPOCH, Instant.EPOCH));
            assertEquals(new String(Ical4jWriter.write(summary, entries).body(), StandardCharsets.UTF_8),
                    new String(IcsWriter.write(summary, entries).body(), StandardCharsets.UTF_8), "length " + length);
        }
    }

    private static FeedEntry entry(Random random, int i) {
        // 2026–2028, around the clock changes too (last Sundays of March and October)
        Instant start = random.nextInt(4) == 0
                ? Instant.parse(random.nextBoolean() ? "2027-03-28T00:30:00Z" : "2027-10-31T00:30:00Z")
                .plusSeconds(random.nextInt(4 * 3600))
                : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86400));
        start = start.plusNanos(random.nextInt(1_000_000_000));
        Instant end = start.plusSeconds(60L * (1 + random.nextInt(4 * 24 * 60))).plusNanos(random.nextInt(1_000_000));
        Instant created = start.minusSeconds(random.nextInt(10_000_000)).plusNanos(random.nextInt(1_000_000_000));
        Instant changed = created.plusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1_000));
        FeedEntry entry = new FeedEntry(random.nextBoolean() ? "session-" + i + "@cites-unies-france.org" : text(random, 20),
                random.nextInt(40), text(random, random.nextInt(120)), start, end, random.nextInt(5) == 0,
                random.nextInt(4) == 0 ? null : text(random, random.nextInt(200)),
                random.nextInt(4) == 0 ? null : text(random, random.nextInt(400)),
                random.nextInt(4) == 0 ? null : URI.create("https://example.org/events/e-" + random.nextInt(1000)),
                random.nextInt(5) == 0, created, changed);
        return random.nextInt(4) == 0 ? entry.asTentative() : entry;
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
