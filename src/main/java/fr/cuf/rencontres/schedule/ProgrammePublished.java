package fr.cuf.rencontres.schedule;

/**
 * A version of an event's programme was just published, inside the publishing transaction: listeners
 * queue what follows from it (the change mails) in the same transaction, so a rolled-back publication
 * leaves nothing behind.
 */
public record ProgrammePublished(long eventId, long versionId, long notifications) {
}
