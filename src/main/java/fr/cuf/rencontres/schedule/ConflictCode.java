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
    ROOM_UNAVAILABLE(true),
    /** The chair of a group holds that group's meeting then: staff accepted the meeting, so it only warns. */
    PERSON_IN_MEETING(false),
    /** Runs beside a plenary without staff allowing it (the solver never proposes it). */
    BESIDE_PLENARY(false),
    /** Starts before the opening plenary or ends after the closing one, on their day. */
    OUTSIDE_PLENARY_FRAME(false),
    /** A later session of a series starts before an earlier one has ended. */
    SERIES_OUT_OF_ORDER(false);

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
