package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What a public page may show of an event: everything but the online link, which is for
 * registered participants only. Templates never receive the entity itself.
 */
record PublicEvent(String slug, String title, @Nullable String summary, @Nullable String series, Enum<?> format, Enum<?> status, Instant startsAt, Instant endsAt,
                   boolean multiDay, boolean membersOnly, @Nullable Integer capacity, @Nullable Group group,
                   @Nullable Venue venue, @Nullable String locationNote, @Nullable Instant registrationOpensAt,
                   @Nullable Instant registrationClosesAt, boolean cancelled, @Nullable String roomName,
                   @Nullable String cancellationReason, RegistrationCta registration) {

    static PublicEvent of(EventSummary s, Instant now) {
        Event e = s.event();
        boolean multiDay = !fr.cuf.rencontres.support.Times.paris(e.startsAt()).toLocalDate()
                .equals(fr.cuf.rencontres.support.Times.paris(e.endsAt()).toLocalDate());
        return new PublicEvent(e.slug(), e.title(), e.summary(), e.series(), e.format(),
                e.status(), e.startsAt(), e.endsAt(), multiDay, e.membersOnly(), e.capacity(), s.group(), s.venue(),
                e.locationNote(), e.registrationOpensAt(), e.registrationClosesAt(),
                e.status() == fr.cuf.rencontres.event.EventStatus.CANCELLED,
                s.room() == null || !e.format().needsPlace() ? null : s.room().name(),
                e.status() == fr.cuf.rencontres.event.EventStatus.CANCELLED ? e.cancellationReason() : null,
                RegistrationCta.of(e, now));
    }
}
