package fr.cuf.rencontres.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A country group or a thematic group, chaired by an elected official of a member authority. */
@MappedEntity("working_group")
public record Group(
        @Id @GeneratedValue @Nullable Long id,
        String slug,
        String name,
        GroupKind kind,
        @Nullable Pole pole,
        @Nullable Long chairPersonId,
        @Nullable String description,
        boolean membersOnly,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
