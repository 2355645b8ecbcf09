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
        @Nullable Integer plannedMinutes,
        @Nullable String series,
        @Nullable Integer seriesOrder,
        @Nullable Boolean besidePlenary) {

    /** A session in no series, not allowed beside a plenary. */
    public SessionForm(String title, String description, SessionKind kind, Long chairPersonId, List<Long> speakerIds,
                       List<Long> groupIds, Boolean membersOnly, Integer capacity, Integer expectedAudience,
                       String languages, Boolean requiresInterpretation, Boolean requiresVideoLink,
                       Integer plannedMinutes) {
        this(title, description, kind, chairPersonId, speakerIds, groupIds, membersOnly, capacity, expectedAudience,
                languages, requiresInterpretation, requiresVideoLink, plannedMinutes, null, null, null);
    }

    public static SessionForm of(Session s, List<Long> speakers, List<Long> groups, SessionShape shape) {
        return new SessionForm(s.title(), s.description(), s.kind(), s.chairPersonId(), speakers, groups,
                s.membersOnly(), s.capacity(), s.expectedAudience(), s.languages(), s.requiresInterpretation(),
                s.requiresVideoLink(), s.minutes(), shape.series(), shape.seriesOrder(), shape.besidePlenary());
    }
}
