package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventStatus;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/** One public event with its programme: placed sessions in time and room order, then unplaced ones. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventDetailJson(
        String slug,
        String title,
        @Nullable String summary,
        @Nullable String series,
        EventKind kind,
        EventFormat format,
        OffsetDateTime start,
        OffsetDateTime end,
        @Nullable VenueJson venue,
        @Nullable String locationNote,
        @Nullable GroupRefJson group,
        boolean membersOnly,
        EventStatus status,
        @Nullable Integer capacity,
        @Nullable OffsetDateTime registrationOpens,
        @Nullable OffsetDateTime registrationCloses,
        String url,
        List<SessionJson> sessions) {
}
