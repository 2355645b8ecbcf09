package fr.cuf.rencontres.group;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
public record GroupForm(
        @Nullable String name,
        @Nullable String slug,
        @Nullable GroupKind kind,
        @Nullable Pole pole,
        @Nullable Long chairPersonId,
        @Nullable String description,
        @Nullable Boolean membersOnly) {

    public static GroupForm of(Group g) {
        return new GroupForm(g.name(), g.slug(), g.kind(), g.pole(), g.chairPersonId(), g.description(), g.membersOnly());
    }
}
