package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A mail waiting in the outbox (PENDING), being sent by one instance until {@code leaseUntil} (SENDING), sent
 * (SENT), or given up after too many attempts (FAILED). {@code linkSecret} is sealed ({@link OutboxSeal}).
 */
@MappedEntity("mail_outbox")
public record OutboxMail(
        @Id @GeneratedValue @Nullable Long id,
        Long registrationId,
        MailKind kind,
        String recipient,
        String locale,
        @Nullable String linkSecret,
        @Nullable String note,
        @Nullable String subject,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant leaseUntil) {
}
