package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An organisation's paid membership of CUF for one calendar year. */
@MappedEntity("membership")
public record Membership(
        @Id @GeneratedValue @Nullable Long id,
        Long organisationId,
        int membershipYear,
        Instant createdAt) {
}
