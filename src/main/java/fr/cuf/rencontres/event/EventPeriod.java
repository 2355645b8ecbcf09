package fr.cuf.rencontres.event;

/** Which public events a list shows, relative to now. */
public enum EventPeriod {
    /** Not over yet, soonest first (the home page). */
    UPCOMING,
    /** Over, most recent first (the archive). */
    PAST,
    /** Every public event, oldest first. */
    ALL
}
