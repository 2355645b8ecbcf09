package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("idempotency_key")
record IdempotencyRow(@Id String keyHash, Long registrationId, String sealedSecret, Instant createdAt) {
}
