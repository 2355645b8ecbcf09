package fr.cuf.rencontres.calendar;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A personal feed's addresses, shown once to its owner: the secret is not stored, only its hash.
 * {@code webcal} subscribes, {@code google} adds to Google Calendar, {@code download} is a one-off copy.
 */
@Serdeable
public record AgendaLink(long registrationId, String https, String webcal, String google, String download) {
}
