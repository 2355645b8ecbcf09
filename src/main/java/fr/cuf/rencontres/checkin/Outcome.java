package fr.cuf.rencontres.checkin;

/**
 * The answer to a scan, with a stable code for the API and the scanning page. Only {@link #OK} lets
 * the person in (or out); every other outcome is shown to staff, never silently accepted.
 */
public enum Outcome {
    OK("ok"),
    /** Already inside on this list: the answer carries the time of the first check-in. */
    ALREADY_CHECKED_IN("already_checked_in"),
    NOT_REGISTERED_FOR_SESSION("not_registered_for_session"),
    CANCELLED("cancelled"),
    /** The list's day is not today (at the time of the scan) or not a day of the event. */
    WRONG_DAY("wrong_day"),
    MEMBERS_ONLY("members_only"),
    /** Unreadable, truncated, altered or forged code, or an unknown registration. */
    INVALID_CODE("invalid_code"),
    /** A genuine badge whose registration has since been given a new one (name change, lost badge). */
    SUPERSEDED_BADGE("superseded_badge"),
    /** A genuine badge of another event. */
    WRONG_EVENT("wrong_event"),
    /** An entry taken back by the door that recorded it (a mistake): it no longer counts. */
    UNDONE("undone");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean accepted() {
        return this == OK;
    }

    public static Outcome ofCode(String code) {
        for (Outcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
