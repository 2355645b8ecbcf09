package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One line of a version's changelog against the previous version. */
@MappedEntity("programme_change")
public record ProgrammeChange(@Id @GeneratedValue @Nullable Long id, Long versionId, Long sessionId, Kind changeKind,
                              String title, @Nullable Instant oldStartsAt, @Nullable Instant oldEndsAt,
                              @Nullable String oldRoomName, @Nullable Instant newStartsAt, @Nullable Instant newEndsAt,
                              @Nullable String newRoomName) {

    public enum Kind {
        ADDED, MOVED, REROOMED, CANCELLED, REMOVED;

        /** Changes that matter to people who chose the session. */
        public boolean affectsAttendees() {
            return this != ADDED;
        }
    }
}
