package fr.cuf.rencontres.schedule;

import java.util.Locale;

/**
 * Every kind of timetable warning, with a stable code (shown to staff and in the API) and whether it is
 * hard (publishing refuses it) or soft (a warning staff may accept).
 */
public enum ConflictCode {
    ROOM_DOUBLE_BOOKED(true),
    PERSON_OVERLAP(true),
    PERSON_NO_PAUSE(false),
    OVER_CAPACITY(true),
    MISSING_EQUIPMENT(true),
    OUTSIDE_VENUE_HOURS(true),
    OUTSIDE_EVENT_DATES(true),
    BRIEFING_OUTSIDE_BLOCKS(true),
    PLENARY_OUTSIDE_SLOTS(true),
    SAME_POLE_PARALLEL(false),
    PERSON_UNAVAILABLE(true),
    ROOM_UNAVAILABLE(true);

    private final boolean hard;

    ConflictCode(boolean hard) {
        this.hard = hard;
    }

    public boolean hard() {
        return hard;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
