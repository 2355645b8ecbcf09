package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A conference edition, a group meeting, a meeting of a series or a bilateral meeting.
 * The online link is for registered participants only: public faces never show it.
 * A meeting in person or hybrid may hold a room of its venue; an online one never does.
 */
@MappedEntity("event")
public record Event(
        @Id @GeneratedValue @Nullable Long id,
        String slug,
        EventKind kind,
        String title,
        @Nullable String summary,
        @Nullable String series,
        Instant startsAt,
        Instant endsAt,
        EventFormat format,
        @Nullable Long venueId,
        @Nullable String locationNote,
        @Nullable String onlineLink,
        boolean membersOnly,
        @Nullable Long groupId,
        @Nullable Integer capacity,
        @Nullable Instant registrationOpensAt,
        @Nullable Instant registrationClosesAt,
        EventStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version,
        @Nullable Long roomId,
        @Nullable String cancellationReason) {

    /** Where registration stands at {@code now}: what pages show instead of (or beside) the form's button. */
    public RegistrationWindow registrationWindow(Instant now) {
        if (status != EventStatus.PUBLISHED || !now.isBefore(endsAt)) {
            return RegistrationWindow.CLOSED;
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
            return RegistrationWindow.NOT_YET_OPEN;
        }
        return isOpenForRegistration(now) ? RegistrationWindow.OPEN : RegistrationWindow.CLOSED;
    }

    public boolean isOpenForRegistration(Instant now) {
        return status == EventStatus.PUBLISHED
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || now.isBefore(registrationClosesAt))
                && now.isBefore(endsAt);
    }
}
