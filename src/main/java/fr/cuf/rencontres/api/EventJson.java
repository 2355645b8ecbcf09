package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventStatus;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** An upcoming public event in a list. The online link is never part of it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventJson(
        String slug,
        String title,
        EventKind kind,
        EventFormat format,
        OffsetDateTime start,
        OffsetDateTime end,
        @Nullable VenueJson venue,
        @Nullable String locationNote,
        @Nullable GroupRefJson group,
        boolean membersOnly,
        EventStatus status,
        String url) {
}
