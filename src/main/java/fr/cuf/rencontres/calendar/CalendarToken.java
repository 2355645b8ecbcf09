package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The SHA-256 of a personal feed's secret, for one registration; revoked tokens are kept for the record. */
@MappedEntity("calendar_token")
record CalendarToken(
        @Id @GeneratedValue @Nullable Long id,
        Long registrationId,
        String tokenHash,
        Instant createdAt,
        @Nullable Instant revokedAt) {
}
