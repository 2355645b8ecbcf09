package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A body that people belong to: a local authority, an embassy, a partner. Membership is its own. */
@MappedEntity("organisation")
public record Organisation(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        OrganisationKind kind,
        String country,
        @Nullable String siren,
        @Nullable String inseeCode,
        @Nullable String addressLine,
        @Nullable String postalCode,
        @Nullable String city,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
