package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.Times;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer must find in the demo data loaded at {@code now}, whatever day that is. */
final class DemoPlacementChecks {

    private DemoPlacementChecks() {
    }

    static Event nextEdition(EventRepository events, Instant now) {
        List<Event> ahead = editions(events).stream().filter(e -> e.startsAt().isAfter(now)).toList();
        assertEquals(1, ahead.size(), "one edition ahead");
        return ahead.get(0);
    }

    static Event previousEdition(EventRepository events, Instant now) {
        return editions(events).stream().filter(e -> e.endsAt().isBefore(now))
                .max(Comparator.comparing(Event::startsAt)).orElseThrow();
    }

    private static List<Event> editions(EventRepository events) {
        List<Event> all = new ArrayList<>();
        events.findAll().forEach(e -> {
            if (e.kind() == EventKind.CONFERENCE_EDITION) {
                all.add(e);
            }
        });
        return all;
    }

    /**
     * The next edition: about seven months ahead, on the files' weekdays, each session on the same day of the
     * edition at the same Paris wall-clock time as in the files, its registration open at {@code now}.
     */
    static void nextEditionIsAheadAndOpen(EventRepository events, DataSource db, Instant now) {
        LocalDate today = Times.paris(now).toLocalDate();
        Event next = nextEdition(events, now);
        LocalDate first = Times.paris(next.startsAt()).toLocalDate();
        assertTrue(Math.abs(ChronoUnit.DAYS.between(today.plusMonths(7), first)) <= 3, "starts " + first);
        DemoCalendar.Dated inFiles = DemoDataLoader.datedEvents().stream().filter(DemoCalendar.Dated::edition)
                .max(Comparator.comparing(DemoCalendar.Dated::startsAt)).orElseThrow();
        LocalDate firstInFiles = inFiles.startsAt().toLocalDate();
        assertEquals(firstInFiles.getDayOfWeek(), first.getDayOfWeek());
        assertEquals(inFiles.startsAt().toLocalTime(), Times.paris(next.startsAt()).toLocalTime());
        assertTrue(next.slug().endsWith(String.valueOf(first.getYear())), next.slug());
        assertTrue(next.isOpenForRegistration(now), "registration open on the day the data was loaded");
        LocalDateTime opened = Times.paris(next.registrationOpensAt()).toLocalDateTime();
        assertEquals(LocalTime.of(9, 0), opened.toLocalTime());
        assertTrue(opened.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue());

        List<String> expected = DemoCsv.read("sessions.csv").stream()
                .filter(r -> r.get("event_slug").equals(inFiles.slug()) && !r.get("starts_at").isBlank())
                .map(r -> LocalDateTime.parse(r.get("starts_at")))
                .map(t -> ChronoUnit.DAYS.between(firstInFiles, t.toLocalDate()) + " " + t.toLocalTime())
                .sorted().toList();
        List<String> loaded = instants(db, "SELECT starts_at FROM event_session WHERE starts_at IS NOT NULL AND event_id = "
                + next.id()).stream().map(Times::paris)
                .map(t -> ChronoUnit.DAYS.between(first, t.toLocalDate()) + " " + t.toLocalTime()).sorted().toList();
        assertEquals(expected, loaded, "sessions keep their day of the edition and their Paris wall-clock time");
    }

    /** A few weeks of registrations: all made between the opening and now, in every status, some invoiced and paid. */
    static void nextEditionLooksAFewWeeksAfterOpening(EventRepository events, DataSource db, Instant now) {
        Event next = nextEdition(events, now);
        String of = " FROM registration WHERE event_id = " + next.id();
        assertTrue(count(db, "SELECT COUNT(*)" + of) >= 300);
        List<Instant> created = instants(db, "SELECT created_at" + of);
        assertTrue(created.stream().allMatch(t -> !t.isBefore(next.registrationOpensAt()) && t.isBefore(now)),
                "registered between the opening and now");
        assertTrue(ChronoUnit.DAYS.between(created.stream().min(Comparator.naturalOrder()).orElseThrow(),
                created.stream().max(Comparator.naturalOrder()).orElseThrow()) >= 7, "spread over weeks");
        for (String status : List.of("CONFIRMED", "PENDING_PAYMENT", "CANCELLED")) {
            assertTrue(count(db, "SELECT COUNT(*)" + of + " AND status = '" + status + "'") > 0, status);
        }
        assertTrue(count(db, "SELECT COUNT(*) FROM registration_session rs JOIN registration r ON r.id = rs.registration_id"
                + " WHERE rs.status = 'WAITLISTED' AND r.event_id = " + next.id()) > 0, "the busiest sessions have a waiting list");
        long active = count(db, "SELECT COUNT(*)" + of + " AND status IN ('CONFIRMED', 'PENDING_PAYMENT')");
        assertTrue(next.capacity() == null || active < next.capacity() - 50,
                "a newcomer can still register: " + active + " of " + next.capacity() + " seats taken");
        assertTrue(count(db, "SELECT COUNT(*) FROM invoice WHERE event_id = " + next.id()) >= 3, "invoices issued");
        assertTrue(count(db, "SELECT COUNT(*) FROM invoice WHERE status = 'PAID' AND event_id = " + next.id()) >= 1,
                "some paid");
        assertTrue(count(db, "SELECT COUNT(*) FROM credit_note c JOIN invoice i ON i.id = c.invoice_id WHERE i.event_id = "
                + next.id()) >= 1, "a withdrawal after an invoice gave a credit note");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM mail_outbox"), "the demo mails no one");
    }

    /** The previous edition is over, with people let in at its doors on its days. */
    static void previousEditionIsPastWithAttendance(EventRepository events, DataSource db, Instant now) {
        Event previous = previousEdition(events, now);
        assertTrue(previous.endsAt().isBefore(now));
        long present = count(db, "SELECT COUNT(*) FROM checkin_presence p JOIN registration r ON r.id = p.registration_id"
                + " WHERE p.list_key LIKE 'entrance:%' AND r.event_id = " + previous.id());
        assertTrue(present >= 150, "present at the entrance: " + present);
        assertTrue(count(db, "SELECT COUNT(*) FROM checkin_presence p JOIN registration r ON r.id = p.registration_id"
                + " WHERE p.list_key LIKE 'session:%' AND r.event_id = " + previous.id()) > 0, "in the rooms");
        LocalDate first = Times.paris(previous.startsAt()).toLocalDate();
        LocalDate last = Times.paris(previous.endsAt()).toLocalDate();
        List<Instant> scans = instants(db, "SELECT scanned_at FROM checkin_scan WHERE event_id = " + previous.id());
        assertTrue(scans.stream().map(t -> Times.paris(t).toLocalDate())
                .allMatch(d -> !d.isBefore(first) && !d.isAfter(last)), "scanned on its days");
        assertEquals(0, count(db, "SELECT COUNT(*) FROM checkin_scan WHERE outcome <> 'ok' AND event_id = " + previous.id()));
    }

    /** Every group meeting in [today - 3 months, today + 9 months). */
    static void groupMeetingsSpreadOverTheYearAround(EventRepository events, Instant now) {
        LocalDate today = Times.paris(now).toLocalDate();
        events.findAll().forEach(e -> {
            if (e.kind() == EventKind.GROUP_MEETING) {
                LocalDate day = Times.paris(e.startsAt()).toLocalDate();
                assertTrue(!day.isBefore(today.minusMonths(3)) && day.isBefore(today.plusMonths(9)), e.slug());
            }
        });
    }

    static long count(DataSource db, String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(db).getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<Instant> instants(DataSource db, String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(db).getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<Instant> all = new ArrayList<>();
            while (r.next()) {
                all.add(r.getObject(1, OffsetDateTime.class).toInstant());
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
