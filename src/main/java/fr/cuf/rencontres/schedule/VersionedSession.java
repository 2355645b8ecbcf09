package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A session as a published version froze it. */
@Introspected
public record VersionedSession(@Nullable Long versionId, Long sessionId, String title, @Nullable String description,
                               SessionKind kind, @Nullable Instant startsAt, @Nullable Instant endsAt,
                               @Nullable Long roomId, @Nullable String roomName, @Nullable Long chairPersonId,
                               boolean membersOnly, @Nullable Integer capacity, @Nullable Integer expectedAudience,
                               String languages, SessionStatus status, Instant createdAt, Instant updatedAt) {

    static VersionedSession of(@Nullable Long versionId, Session s, String roomName) {
        return new VersionedSession(versionId, s.id(), s.title(), s.description(), s.kind(), s.startsAt(), s.endsAt(),
                s.roomId(), roomName, s.chairPersonId(), s.membersOnly(), s.capacity(), s.expectedAudience(),
                s.languages(), s.status(), s.createdAt(), s.updatedAt());
    }

    /** The session as published, for the public programme (event id from the version's event). */
    Session asSession(long eventId) {
        return new Session(sessionId, eventId, title, description, kind, startsAt, endsAt, roomId, chairPersonId,
                membersOnly, capacity, expectedAudience, languages, createdAt, updatedAt, null, false, false, null, status);
    }

    /**
     * What the public sees of it, to compare two versions: the version it belongs to and when its row was written
     * are left out (a session edited and put back as it was is not a change to publish).
     */
    VersionedSession published() {
        return new VersionedSession(null, sessionId, title, description, kind, startsAt, endsAt, roomId, roomName,
                chairPersonId, membersOnly, capacity, expectedAudience, languages, status, Instant.EPOCH, Instant.EPOCH);
    }

    boolean isScheduled() {
        return startsAt != null;
    }
}
