package fr.cuf.rencontres.mail;

import io.micronaut.email.Attachment;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends due mails of the outbox, one row at a time in three steps ({@link OutboxClaims}): claim (SENDING with a
 * lease, short transaction), send over SMTP with no transaction open, mark SENT (short transaction). Claims use
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never claim one row; a failed attempt goes back to PENDING with
 * an exponential backoff (1, 2, 4… minutes, at most 6 hours): an SMTP outage delays mail, never loses it. A sender
 * that dies after the SMTP answer and before the mark leaves the row SENDING; when its lease expires the row is
 * sent again with the same Message-ID ({@link MessageIds}), which a receiving server uses to drop the copy.
 * The text of each mail is written when it leaves, by the {@link MailWriter} of its kind (registrants' mails,
 * staff accounts' mails), with its sealed link opened only then.
 */
@Singleton
public class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final OutboxClaims claims;
    private final List<MailWriter> writers;
    private final EmailSender<?, ?> smtp;
    private final MailSettings settings;
    private final MessageIds messageIds;

    MailSender(OutboxClaims claims, List<MailWriter> writers, EmailSender<?, ?> smtp, MailSettings settings,
               MessageIds messageIds) {
        this.claims = claims;
        this.writers = writers;
        this.smtp = smtp;
        this.settings = settings;
        this.messageIds = messageIds;
    }

    /** Sends what is due at {@code now}; returns how many mails left. */
    public int sendDue(Instant now) {
        int sent = 0;
        long started = System.nanoTime();
        Instant lease = now.plus(settings.getLease()).truncatedTo(ChronoUnit.MICROS);
        for (OutboxMail mail : claims.claim(now, lease, settings.getBatchSize())) {
            try {
                // the batch may take longer than one lease (a slow SMTP server): each row's lease starts again just
                // before its mail goes out, and a row another sender took once the lease expired is left to it
                Instant current = now.plusNanos(System.nanoTime() - started);
                Instant renewed = current.plus(settings.getLease()).truncatedTo(ChronoUnit.MICROS);
                if (!claims.renew(mail.id(), lease, renewed)) {
                    continue;
                }
                sent += sendOne(mail, now);
            } catch (RuntimeException databaseDown) {
                // marking the row failed too (the database is away): it stays SENDING and is taken again when its
                // lease expires; the other claimed rows still get their chance
                LOG.warn("Mail {} left to its lease: {}", mail.id(), databaseDown.toString());
            }
        }
        return sent;
    }

    /** 1 when the mail left and was marked sent. */
    private int sendOne(OutboxMail mail, Instant now) {
        String subject;
        try {
            subject = send(mail);
        } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            String status = attempts >= settings.getMaxAttempts() ? "FAILED" : "PENDING";
            long minutes = Math.min(360, 1L << Math.min(attempts - 1, 9));
            String error = String.valueOf(e.getMessage());
            claims.failed(mail.id(), status, attempts, now.plus(Duration.ofMinutes(minutes)),
                    error.length() > 1000 ? error.substring(0, 1000) : error);
            LOG.warn("Mail {} to {} not sent (attempt {}): {}", mail.id(), mail.recipient(), attempts, error);
            return 0;
        }
        return claims.sent(mail.id(), subject, now) ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    private String send(OutboxMail mail) {
        MailWriter.Written composed = writers.stream().filter(w -> w.writes(mail)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no writer for mail " + mail.id() + " (" + mail.kind() + ")"))
                .write(mail);
        Email.Builder email = Email.builder().to(mail.recipient()).subject(composed.subject()).body(composed.body());
        if (composed.ics() != null) {
            email.attachment(Attachment.builder().filename("agenda.ics").contentType("text/calendar")
                    .content(composed.ics().getBytes(StandardCharsets.UTF_8)).build());
        }
        String messageId = messageIds.of(mail.id());
        Consumer<Object> stamp = message -> {
            try {
                ((jakarta.mail.Message) message).setHeader("Message-ID", messageId);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
        ((EmailSender<Object, ?>) smtp).send(email, stamp);
        return composed.subject();
    }
}
