package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.Times;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The feed writer as it was before IcsWriter wrote the text itself (issue 20): ical4j's object model and
 * CalendarOutputter. Kept as the oracle of IcsWriterEquivalenceTest, which requires IcsWriter's bytes to be
 * these bytes. Writes feeds with ical4j. Nothing here reads the clock: every byte comes from the entries, so an
 * unchanged feed is byte-identical on every request and every instance (hence a stable ETag).
 */
final class Ical4jWriter {

    /**
     * Europe/Paris as its rules have been since 1996 (last Sunday of March and of October). ical4j's bundled
     * definition carries every change since 1891 (~130 lines, most of the rendering time) that no event of
     * this service needs, and long histories are known to trouble some clients.
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

    private static final VTimeZone PARIS = parseParis();

    private Ical4jWriter() {
    }

    /** The feed's bytes (UTF-8) and their strong ETag. */
    static RenderedFeed write(String name, List<FeedEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Cités Unies France//Rencontres//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method("PUBLISH"));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", Times.PARIS.getId()));
        XProperty refresh = new XProperty("REFRESH-INTERVAL", "PT1H");
        refresh.add(Value.DURATION);
        calendar.add(refresh);
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        calendar.add(PARIS);
        entries.stream()
                .sorted(Comparator.comparing(FeedEntry::startsAt).thenComparing(FeedEntry::uid))
                .forEach(entry -> calendar.add(event(entry)));
        byte[] bytes = bytes(calendar);
        Instant lastModified = entries.stream().map(FeedEntry::lastModified).max(Comparator.naturalOrder())
                .orElse(null);
        return new RenderedFeed(bytes, etag(bytes), lastModified);
    }

    private static VEvent event(FeedEntry e) {
        VEvent event;
        if (e.allDay()) {
            LocalDate first = Times.paris(e.startsAt()).toLocalDate();
            // DTEND of an all-day entry is the day AFTER the last day (RFC 5545 3.6.1)
            LocalDate afterLast = Times.paris(e.endsAt().minusNanos(1)).toLocalDate().plusDays(1);
            event = new VEvent(first, afterLast, e.summary());
        } else {
            ZonedDateTime start = Times.paris(e.startsAt());
            event = new VEvent(start, Times.paris(e.endsAt()), e.summary());
        }
        event.replace(new DtStamp(e.lastModified()));
        event.add(new Uid(e.uid()));
        event.add(new Sequence(e.sequence()));
        event.add(new Status(e.cancelled() ? Status.VALUE_CANCELLED
                : e.tentative() ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
        event.add(new Created(e.created()));
        event.add(new LastModified(e.lastModified()));
        if (e.location() != null) {
            event.add(new Location(e.location()));
        }
        if (e.description() != null) {
            event.add(new Description(e.description()));
        }
        if (e.url() != null) {
            event.add(new Url(e.url()));
        }
        return event;
    }

    private static byte[] bytes(Calendar calendar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
