package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.schedule.TimetableLimits.OffCommand;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;

import java.time.Instant;

/** The checks every limit's window passes: inside the event's days (Paris time), ending after it starts. */
final class LimitWindows {

    static final int REASON_MAX = 300;

    private LimitWindows() {
    }

    static Validator window(OffCommand c, String whoField) {
        String reason = strip(c.reason());
        return new Validator().required(whoField, c.whoId()).required("startsAt", c.startsAt())
                .required("endsAt", c.endsAt()).maxLength("reason", reason, REASON_MAX);
    }

    /** End after start, and inside the event's days. */
    static void check(Event event, Instant start, Instant end, String dayField, String endField, Validator v) {
        if (!end.isAfter(start)) {
            v.add(Problem.field(endField, "end_before_start"));
        } else if (start.isBefore(first(event)) || end.isAfter(end(event))) {
            v.add(Problem.field(dayField, "slot_outside_event", Times.paris(event.startsAt()).toLocalDate(),
                    Times.paris(event.endsAt()).toLocalDate()));
        }
        v.throwIfInvalid();
    }

    static Instant first(Event event) {
        return Times.paris(event.startsAt()).toLocalDate().atStartOfDay(Times.PARIS).toInstant();
    }

    static Instant end(Event event) {
        return Times.paris(event.endsAt()).toLocalDate().plusDays(1).atStartOfDay(Times.PARIS).toInstant();
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
