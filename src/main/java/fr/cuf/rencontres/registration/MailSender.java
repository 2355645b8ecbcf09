package fr.cuf.rencontres.registration;

import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends due mails of the outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} inside one
 * transaction, so several instances never send the same row; a failed attempt is kept and retried with
 * an exponential backoff (1, 2, 4… minutes, at most 6 hours): an SMTP outage delays mail, never loses it.
 * A crash between the SMTP answer and the commit can send one mail twice (at least once, never zero).
 */
@Singleton
public class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final MailOutboxRepository outbox;
    private final MailComposer composer;
    private final EmailSender<?, ?> smtp;
    private final MailSettings settings;

    MailSender(MailOutboxRepository outbox, MailComposer composer, EmailSender<?, ?> smtp, MailSettings settings) {
        this.outbox = outbox;
        this.composer = composer;
        this.smtp = smtp;
        this.settings = settings;
    }

    /** Sends what is due at {@code now}; returns how many mails left. */
    @Transactional
    public int sendDue(Instant now) {
        int sent = 0;
        for (OutboxMail mail : outbox.claimDue(now, settings.getBatchSize())) {
            try {
                MailComposer.Composed composed = composer.compose(mail);
                Email.Builder email = Email.builder().to(mail.recipient()).subject(composed.subject())
                        .body(composed.body());
                if (composed.ics() != null) {
                    email.attachment(Attachment.builder().filename("agenda.ics").contentType("text/calendar")
                            .content(composed.ics().getBytes(StandardCharsets.UTF_8)).build());
                }
                smtp.send(email);
                outbox.markSent(mail.id(), composed.subject(), now);
                sent++;
            } catch (RuntimeException e) {
                int attempts = mail.attempts() + 1;
                String status = attempts >= settings.getMaxAttempts() ? "FAILED" : "PENDING";
                long minutes = Math.min(360, 1L << Math.min(attempts - 1, 9));
                String error = String.valueOf(e.getMessage());
                outbox.markFailed(mail.id(), status, attempts, now.plus(Duration.ofMinutes(minutes)),
                        error.length() > 1000 ? error.substring(0, 1000) : error);
                LOG.warn("Mail {} to {} not sent (attempt {}): {}", mail.id(), mail.recipient(), attempts, error);
            }
        }
        return sent;
    }
}
