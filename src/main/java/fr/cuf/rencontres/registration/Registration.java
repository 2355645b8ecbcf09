package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * One person's registration for one event. The price is stored as decided at registration time:
 * later price changes do not alter it. The badge version changes whenever the badge is reissued.
 */
@MappedEntity("registration")
public record Registration(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        Long personId,
        @Nullable Long organisationId,
        ParticipantType participantType,
        RegistrationStatus status,
        @Nullable String priceCategory,
        int priceCents,
        int badgeVersion,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {
}
