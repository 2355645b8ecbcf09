package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.support.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The days of an event (in Paris), numbered from 1, for day passes. */
public final class Days {

    private Days() {
    }

    public static int count(Event event) {
        return (int) ChronoUnit.DAYS.between(first(event), Times.paris(event.endsAt()).toLocalDate()) + 1;
    }

    public static List<LocalDate> of(Event event) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count(event); i++) {
            days.add(first(event).plusDays(i));
        }
        return days;
    }

    /** The number (1-based) of the day an instant falls on. */
    public static int dayOf(Event event, Instant at) {
        return (int) ChronoUnit.DAYS.between(first(event), Times.paris(at).toLocalDate()) + 1;
    }

    private static LocalDate first(Event event) {
        return Times.paris(event.startsAt()).toLocalDate();
    }
}
