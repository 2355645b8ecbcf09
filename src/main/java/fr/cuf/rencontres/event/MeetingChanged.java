package fr.cuf.rencontres.event;

/**
 * A meeting was moved or cancelled by staff, with their reason. Published inside the writing transaction:
 * listeners that write (the registration feature queues mails to registrants) commit or roll back with it.
 */
public record MeetingChanged(long eventId, Change change, String reason) {

    public enum Change { MOVED, CANCELLED }
}
