package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;

/** A registrant's answer to a custom question; several choices are joined by newlines. */
@Introspected
public record Answer(Long registrationId, Long questionId, String answer) {
}
