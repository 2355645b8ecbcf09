package fr.cuf.rencontres.event;

import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** An event as staff describe it; dates and times are Paris local times. */
@Serdeable
@Introspected
public record EventForm(
        @Nullable String title,
        @Nullable String slug,
        @Nullable EventKind kind,
        @Nullable String summary,
        @Nullable String series,
        @Nullable LocalDateTime startsAt,
        @Nullable LocalDateTime endsAt,
        @Nullable EventFormat format,
        @Nullable Long venueId,
        @Nullable String locationNote,
        @Nullable String onlineLink,
        @Nullable Boolean membersOnly,
        @Nullable Long groupId,
        @Nullable Integer capacity,
        @Nullable LocalDateTime registrationOpensAt,
        @Nullable LocalDateTime registrationClosesAt,
        @Nullable EventStatus status,
        @Nullable Long roomId) {

    @io.micronaut.core.annotation.Creator
    public EventForm {
    }

    /** The form without a room (events that take no room, callers written before rooms). */
    public EventForm(String title, String slug, EventKind kind, String summary, String series, LocalDateTime startsAt,
                     LocalDateTime endsAt, EventFormat format, Long venueId, String locationNote, String onlineLink,
                     Boolean membersOnly, Long groupId, Integer capacity, LocalDateTime registrationOpensAt,
                     LocalDateTime registrationClosesAt, EventStatus status) {
        this(title, slug, kind, summary, series, startsAt, endsAt, format, venueId, locationNote, onlineLink,
                membersOnly, groupId, capacity, registrationOpensAt, registrationClosesAt, status, null);
    }

    public static EventForm of(Event e) {
        return new EventForm(e.title(), e.slug(), e.kind(), e.summary(), e.series(),
                local(e.startsAt()), local(e.endsAt()), e.format(), e.venueId(), e.locationNote(), e.onlineLink(),
                e.membersOnly(), e.groupId(), e.capacity(), local(e.registrationOpensAt()),
                local(e.registrationClosesAt()), e.status(), e.roomId());
    }

    private static LocalDateTime local(java.time.Instant instant) {
        return instant == null ? null : Times.paris(instant).toLocalDateTime();
    }
}
