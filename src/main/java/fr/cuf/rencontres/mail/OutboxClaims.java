package fr.cuf.rencontres.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

import static io.micronaut.transaction.TransactionDefinition.Propagation.REQUIRES_NEW;

/**
 * The two database steps around an SMTP send, each its own short transaction, so no database lock or
 * connection is held while the SMTP server answers, and a row's state says where its mail is.
 */
@Singleton
public class OutboxClaims {

    private final MailOutboxRepository outbox;

    OutboxClaims(MailOutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** Takes up to {@code limit} due rows: SENDING, leased to this sender until {@code leaseUntil}. */
    @Transactional(propagation = REQUIRES_NEW)
    public List<OutboxMail> claim(Instant now, Instant leaseUntil, int limit) {
        List<OutboxMail> due = outbox.lockDue(now, limit);
        if (!due.isEmpty()) {
            outbox.lease(due.stream().map(OutboxMail::id).toList(), leaseUntil);
        }
        return due;
    }

    /** Whether this sender still holds the row (see {@link MailOutboxRepository#renew}); if so, holds it until {@code until}. */
    @Transactional(propagation = REQUIRES_NEW)
    public boolean renew(long id, Instant held, Instant until) {
        return outbox.renew(id, held, until) == 1;
    }

    /** False when the row was no longer SENDING (its lease expired and another sender took it). */
    @Transactional(propagation = REQUIRES_NEW)
    public boolean sent(long id, String subject, Instant sentAt) {
        return outbox.markSent(id, subject, sentAt) == 1;
    }

    @Transactional(propagation = REQUIRES_NEW)
    public void failed(long id, String status, int attempts, Instant nextAttemptAt, String error) {
        outbox.markFailed(id, status, attempts, nextAttemptAt, error);
    }
}
