package fr.cuf.rencontres.registration;

/**
 * Published inside the transaction that cancels a registration, so that what depends on it (a credit note
 * for an invoiced registration) is written in the same transaction or not at all.
 */
public record RegistrationCancelled(long registrationId, String actor) {
}
