package fr.cuf.rencontres.api;

import io.swagger.v3.oas.annotations.media.Schema;

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
        @Schema(description = "The id to send in a registration's sessionIds") long id,
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
        @Schema(description = "Only people of member authorities may choose it") boolean membersOnly,
        @Schema(description = "Seats left (absent: no limit); 0: choosing it puts the registrant on its waiting list")
        @Nullable Long seatsLeft,
        @Schema(description = "Its parallel block: sessions of one block overlap, a registrant chooses at most one "
                + "of them (absent: not open to choice)") @Nullable Integer parallelBlock) {
}
