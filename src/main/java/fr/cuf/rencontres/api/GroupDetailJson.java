package fr.cuf.rencontres.api;

import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A group with its description and all its public meetings, past and upcoming. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupDetailJson(
        String slug,
        String name,
        GroupKind kind,
        @Nullable Pole pole,
        boolean membersOnly,
        @Nullable String description,
        @Nullable GroupJson.ChairJson chair,
        String url,
        List<EventJson> meetings) {
}
