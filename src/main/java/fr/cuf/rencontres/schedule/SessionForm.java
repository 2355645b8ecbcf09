package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A session as staff describe it (not its place in the timetable: see {@link PlaceCommand}). */
@Serdeable
@Introspected
public record SessionForm(
        @Nullable String title,
        @Nullable String description,
        @Nullable SessionKind kind,
        @Nullable Long chairPersonId,
        @Nullable List<Long> speakerIds,
        @Nullable List<Long> groupIds,
        @Nullable Boolean membersOnly,
        @Nullable Integer capacity,
        @Nullable Integer expectedAudience,
        @Nullable String languages,
        @Nullable Boolean requiresInterpretation,
        @Nullable Boolean requiresVideoLink,
        @Nullable Integer plannedMinutes) {

    public static SessionForm of(Session s, List<Long> speakers, List<Long> groups) {
        return new SessionForm(s.title(), s.description(), s.kind(), s.chairPersonId(), speakers, groups,
                s.membersOnly(), s.capacity(), s.expectedAudience(), s.languages(), s.requiresInterpretation(),
                s.requiresVideoLink(), s.minutes());
    }
}
