package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.Times;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VTimeZone;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Writes feeds as RFC 5545 text. Nothing here reads the clock: every byte comes from the entries, so an
 * unchanged feed is byte-identical on every request and every instance (hence a stable ETag).
 * <p>
 * The text is written here rather than through ical4j's object model and CalendarOutputter (issue 20): those
 * took ~4 ms per 40-entry feed, mostly resolving the TZID of every date property against ical4j's zone registry
 * and folding lines one char at a time through a Writer. The bytes are the same as ical4j's, rule for rule (its
 * property order, its TEXT escaping, its folding at 73 chars); IcsWriterEquivalenceTest holds this writer to
 * the former ical4j one on generated entries. ical4j still parses the VTIMEZONE below, once.
 */
public final class IcsWriter {

    /**
     * Europe/Paris as its rules have been since 1996 (last Sunday of March and of October). ical4j's bundled
     * definition carries every change since 1891 (~130 lines) that no event of this service needs, and long
     * histories are known to trouble some clients.
     */
    private static final String PARIS_VTIMEZONE = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Cites Unies France//Rencontres//FR
            BEGIN:VTIMEZONE
            TZID:Europe/Paris
            X-LIC-LOCATION:Europe/Paris
            BEGIN:DAYLIGHT
            TZNAME:CEST
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            DTSTART:19700329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZNAME:CET
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            DTSTART:19701025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            END:VCALENDAR
            """.replace("\n", "\r\n");

    /** The VTIMEZONE component as ical4j prints it (parsed and printed once). */
    private static final String PARIS = parseParis().toString();

    /** Lines longer than this many chars are folded (ical4j's REDUCED_FOLD_LENGTH, "consistent with Apple iCal"; 75 only with
     * its Outlook compatibility hint, which this service never sets). */
    private static final int FOLD = 73;

    private IcsWriter() {
    }

    /** The feed's bytes (UTF-8) and their strong ETag. */
    public static RenderedFeed write(String name, List<FeedEntry> entries) {
        StringBuilder text = new StringBuilder(1024 + 640 * entries.size());
        text.append("BEGIN:VCALENDAR\r\n");
        line(text, "PRODID", "-//Cités Unies France//Rencontres//FR", true);
        text.append("VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        line(text, "X-WR-CALNAME", name, true);
        line(text, "X-WR-TIMEZONE", Times.PARIS.getId(), true);
        text.append("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
        text.append(PARIS);
        List<FeedEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FeedEntry::startsAt).thenComparing(FeedEntry::uid));
        for (FeedEntry entry : sorted) {
            event(text, entry);
        }
        text.append("END:VCALENDAR\r\n");
        byte[] bytes = fold(text).getBytes(StandardCharsets.UTF_8);
        Instant lastModified = null;
        for (FeedEntry entry : entries) {
            if (lastModified == null || entry.lastModified().isAfter(lastModified)) {
                lastModified = entry.lastModified();
            }
        }
        return new RenderedFeed(bytes, etag(bytes), lastModified);
    }

    private static void event(StringBuilder text, FeedEntry e) {
        text.append("BEGIN:VEVENT\r\n");
        if (e.allDay()) {
            LocalDate first = Times.paris(e.startsAt()).toLocalDate();
            // DTEND of an all-day entry is the day AFTER the last day (RFC 5545 3.6.1)
            LocalDate afterLast = Times.paris(e.endsAt().minusNanos(1)).toLocalDate().plusDays(1);
            date(text.append("DTSTART;VALUE=DATE:"), first).append("\r\n");
            date(text.append("DTEND;VALUE=DATE:"), afterLast).append("\r\n");
        } else {
            paris(text.append("DTSTART;TZID=Europe/Paris:"), e.startsAt()).append("\r\n");
            paris(text.append("DTEND;TZID=Europe/Paris:"), e.endsAt()).append("\r\n");
        }
        line(text, "SUMMARY", e.summary(), true);
        utc(text.append("DTSTAMP:"), e.lastModified()).append("\r\n");
        line(text, "UID", e.uid(), true);
        text.append("SEQUENCE:").append(e.sequence()).append("\r\n");
        text.append(e.cancelled() ? "STATUS:CANCELLED\r\n"
                : e.tentative() ? "STATUS:TENTATIVE\r\n" : "STATUS:CONFIRMED\r\n");
        utc(text.append("CREATED:"), e.created()).append("\r\n");
        utc(text.append("LAST-MODIFIED:"), e.lastModified()).append("\r\n");
        if (e.location() != null) {
            line(text, "LOCATION", e.location(), true);
        }
        if (e.description() != null) {
            line(text, "DESCRIPTION", e.description(), true);
        }
        if (e.url() != null) {
            line(text, "URL", e.url().toString(), false);
        }
        text.append("END:VEVENT\r\n");
    }

    /** {@code NAME:value} unfolded; TEXT values escaped as ical4j's PropertyCodec does. */
    private static void line(StringBuilder text, String name, String value, boolean escaped) {
        text.append(name).append(':');
        if (!escaped) {
            text.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case ',', ';' -> text.append('\\').append(c);
                    case '\n' -> text.append("\\n");
                    // \r\n is one newline; a lone \r stays as it is (ical4j's pattern is \r?\n)
                    case '\r' -> {
                        if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                            text.append("\\n");
                            i++;
                        } else {
                            text.append(c);
                        }
                    }
                    default -> text.append(c);
                }
            }
        }
        text.append("\r\n");
    }

    /**
     * Folds as ical4j's FoldingWriter does: before a char that would make the line longer than {@link #FOLD}
     * chars, CRLF and a space, never before a CR or LF (which start a new line) and never inside a surrogate pair.
     */
    private static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 24);
        int lineLength = 0;
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            boolean endOfLine = c == '\r' || c == '\n';
            if (!endOfLine && (lineLength >= FOLD || lineLength >= FOLD - 1 && Character.isHighSurrogate(c)
                    && i < last && Character.isLowSurrogate(text.charAt(i + 1)))) {
                out.append("\r\n ");
                lineLength = 1;
            }
            out.append(c);
            lineLength = endOfLine ? 0 : lineLength + 1;
        }
        return out.toString();
    }

    private static StringBuilder paris(StringBuilder text, Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, Times.PARIS);
        return time(date(text, t.toLocalDate()).append('T'), t);
    }

    private static StringBuilder utc(StringBuilder text, Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return time(date(text, t.toLocalDate()).append('T'), t).append('Z');
    }

    private static StringBuilder date(StringBuilder text, LocalDate d) {
        return two(two(four(text, d.getYear()), d.getMonthValue()), d.getDayOfMonth());
    }

    private static StringBuilder time(StringBuilder text, LocalDateTime t) {
        return two(two(two(text, t.getHour()), t.getMinute()), t.getSecond());
    }

    private static StringBuilder four(StringBuilder text, int n) {
        return two(two(text, n / 100), n % 100);
    }

    private static StringBuilder two(StringBuilder text, int n) {
        return text.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VTimeZone parseParis() {
        try {
            return (VTimeZone) new CalendarBuilder().build(new StringReader(PARIS_VTIMEZONE))
                    .getComponent("VTIMEZONE").orElseThrow();
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("the Europe/Paris VTIMEZONE does not parse", e);
        }
    }
}
