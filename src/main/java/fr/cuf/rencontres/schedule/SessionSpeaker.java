package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;

/** A row of session_speaker: a person speaking in a session. */
@Introspected
public record SessionSpeaker(Long sessionId, Long personId) {
}
