package fr.cuf.rencontres.api;

import fr.cuf.rencontres.group.Group;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A group named beside an event or a session. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GroupRefJson(String slug, String name) {

    static @Nullable GroupRefJson of(@Nullable Group g) {
        return g == null ? null : new GroupRefJson(g.slug(), g.name());
    }
}
