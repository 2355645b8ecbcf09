package fr.cuf.rencontres.schedule;

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
        @Version @Nullable Long version) {

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
