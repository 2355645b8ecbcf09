package fr.cuf.rencontres.api;

import fr.cuf.rencontres.schedule.SessionKind;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/** A session of an event's programme; start, end and room are absent while it is not placed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionJson(
        String title,
        @Nullable String description,
        SessionKind kind,
        @Nullable OffsetDateTime start,
        @Nullable OffsetDateTime end,
        @Nullable RoomJson room,
        @Nullable PersonJson chair,
        List<PersonJson> speakers,
        List<GroupRefJson> groups,
        List<String> languages,
        boolean membersOnly) {
}
