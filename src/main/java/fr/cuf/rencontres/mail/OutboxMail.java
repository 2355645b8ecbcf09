package fr.cuf.rencontres.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A mail waiting in the outbox (PENDING), being sent by one instance until {@code leaseUntil} (SENDING), sent
 * (SENT), or given up after too many attempts (FAILED). {@code linkSecret} is sealed ({@link OutboxSeal}). A mail
 * is to a registrant ({@code registrationId}) or to a staff account ({@code accountId}), never both.
 */
@MappedEntity("mail_outbox")
public record OutboxMail(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long registrationId,
        @Nullable Long accountId,
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

    /** A new mail to a registrant, due now; {@code sealedSecret} from {@link OutboxSeal#seal}. */
    public static OutboxMail toRegistrant(long registrationId, MailKind kind, String recipient, String locale,
                                          @Nullable String sealedSecret, @Nullable String note, Instant now) {
        return new OutboxMail(null, registrationId, null, kind, recipient, locale, sealedSecret, note, null, "PENDING",
                0, now, null, now, null, null);
    }

    /** A new mail to a staff account, due now. */
    public static OutboxMail toAccount(long accountId, MailKind kind, String recipient, @Nullable String sealedSecret,
                                       Instant now) {
        return new OutboxMail(null, null, accountId, kind, recipient, "fr", sealedSecret, null, null, "PENDING", 0,
                now, null, now, null, null);
    }
}
