package fr.cuf.rencontres.api;

import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A country group (with its pole) or a thematic group, and its chair. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupJson(
        String slug,
        String name,
        GroupKind kind,
        @Nullable Pole pole,
        boolean membersOnly,
        @Nullable ChairJson chair,
        String url) {

    /** The elected official who chairs a group, and the authority they belong to. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChairJson(String name, @Nullable String function, @Nullable String organisation) {
    }
}
