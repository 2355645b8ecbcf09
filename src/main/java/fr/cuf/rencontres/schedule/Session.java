package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A session inside an event (a plenary, a workshop, a country briefing…). It may not be placed yet:
 * then its slot and its room are empty. Its capacity defaults to its room's.
 */
@MappedEntity("event_session")
public record Session(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        String title,
        @Nullable String description,
        SessionKind kind,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable Long roomId,
        @Nullable Long chairPersonId,
        boolean membersOnly,
        @Nullable Integer capacity,
        @Nullable Integer expectedAudience,
        String languages,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version,
        boolean requiresInterpretation,
        boolean requiresVideoLink,
        @Nullable Integer plannedMinutes,
        SessionStatus status) {

    /** The default length of a session placed without a length of its own. */
    public static final int DEFAULT_MINUTES = 90;

    @Creator
    public Session {
        status = status == null ? SessionStatus.ACTIVE : status;
    }

    /** The shape of the foundation (issue 2): no requirements, no planned length, active. */
    public Session(Long id, Long eventId, String title, String description, SessionKind kind, Instant startsAt,
                   Instant endsAt, Long roomId, Long chairPersonId, boolean membersOnly, Integer capacity,
                   Integer expectedAudience, String languages, Instant createdAt, Instant updatedAt, Long version) {
        this(id, eventId, title, description, kind, startsAt, endsAt, roomId, chairPersonId, membersOnly, capacity,
                expectedAudience, languages, createdAt, updatedAt, version, false, false, null, SessionStatus.ACTIVE);
    }

    public boolean isCancelled() {
        return status == SessionStatus.CANCELLED;
    }

    /** Its length when placed: the current slot's, else the planned one, else {@link #DEFAULT_MINUTES}. */
    public int minutes() {
        if (isScheduled()) {
            return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
        }
        return plannedMinutes != null ? plannedMinutes : DEFAULT_MINUTES;
    }

    public Session placed(Instant start, Instant end, Long room, Instant now) {
        return new Session(id, eventId, title, description, kind, start, end, room, chairPersonId, membersOnly,
                capacity, expectedAudience, languages, createdAt, now, version, requiresInterpretation,
                requiresVideoLink, start == null ? Integer.valueOf(minutes()) : plannedMinutes, status);
    }

    public Session withStatus(SessionStatus newStatus, Instant now) {
        return new Session(id, eventId, title, description, kind, startsAt, endsAt, roomId, chairPersonId, membersOnly,
                capacity, expectedAudience, languages, createdAt, now, version, requiresInterpretation,
                requiresVideoLink, plannedMinutes, newStatus);
    }

    public boolean isScheduled() {
        return startsAt != null && endsAt != null;
    }

    public boolean overlaps(Session other) {
        return isScheduled() && other.isScheduled()
                && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    public List<String> languageList() {
        return Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
