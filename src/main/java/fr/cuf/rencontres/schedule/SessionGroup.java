package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;

/** A row of session_group: a group a session belongs to. */
@Introspected
public record SessionGroup(Long sessionId, Long groupId) {
}
