package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A room of a venue: how many people it seats and what it is equipped with. */
@MappedEntity("room")
public record Room(
        @Id @GeneratedValue @Nullable Long id,
        Long venueId,
        String name,
        int capacity,
        boolean interpretationBooths,
        boolean videoLink,
        boolean stage,
        boolean b2bTables,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
