package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.PublicUrl;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Mails to staff accounts (an invitation or a reset with its one-time link, a lock-out notice), through their own
 * small outbox: queued in the transaction of the change, sent by every instance with {@code FOR UPDATE SKIP
 * LOCKED}, retried with a backoff. Kept apart from the registrants' outbox, which is shaped around a registration.
 * Staff have no language setting: each mail is in French, then English.
 */
@Singleton
public class StaffMails {

    private static final Logger LOG = LoggerFactory.getLogger(StaffMails.class);
    static final int MAX_ATTEMPTS = 8;

    public enum Kind { INVITATION, PASSWORD_RESET, LOCKED }

    private final Outbox outbox;
    private final Messages messages;
    private final PublicUrl publicUrl;
    private final EmailSender<?, ?> smtp;
    private final Clock clock;

    StaffMails(Outbox outbox, Messages messages, PublicUrl publicUrl, EmailSender<?, ?> smtp, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Queues a mail to the account's address; nothing when it has none (the admin then passes the link on). */
    public void queue(StaffAccount account, Kind kind, @Nullable String linkSecret) {
        if (account.email() == null || account.email().isBlank()) {
            return;
        }
        Instant now = clock.instant();
        outbox.save(new StaffMail(null, account.id(), kind.name(), account.email(), linkSecret, "PENDING", 0, now,
                now, null));
    }

    /** Sends the due mails; returns how many left. */
    @Transactional
    public int sendDue(Instant now) {
        int sent = 0;
        for (StaffMail mail : outbox.claimDue(now, 20)) {
            try {
                smtp.send(Email.builder().to(mail.recipient()).subject(subject(mail)).body(body(mail)));
                outbox.markSent(mail.id(), now);
                sent++;
            } catch (RuntimeException e) {
                int attempts = mail.attempts() + 1;
                outbox.markFailed(mail.id(), attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", attempts,
                        now.plus(Duration.ofMinutes(Math.min(360, 1L << Math.min(attempts - 1, 9)))));
                LOG.warn("Staff mail {} not sent (attempt {}): {}", mail.id(), attempts, e.getMessage());
            }
        }
        return sent;
    }

    public List<StaffMail> of(long accountId) {
        return outbox.findByAccountIdOrderById(accountId);
    }

    private String subject(StaffMail mail) {
        String key = "accounts.mail." + mail.kind().toLowerCase(Locale.ROOT) + ".subject";
        return messages.get(Locale.FRENCH, key) + " / " + messages.get(Locale.ENGLISH, key);
    }

    private String body(StaffMail mail) {
        String key = "accounts.mail." + mail.kind().toLowerCase(Locale.ROOT) + ".body";
        String link = mail.linkSecret() == null ? "" : publicUrl.base() + "/account/password/" + mail.linkSecret();
        String hours = String.valueOf(PasswordLinks.VALID_FOR.toHours());
        return messages.get(Locale.FRENCH, key, link, hours) + "\n\n-- \n\n" + messages.get(Locale.ENGLISH, key, link, hours);
    }

    @Singleton
    @Requires(property = "rencontres.mail.enabled", value = "true")
    static class Scheduler {

        private final StaffMails mails;
        private final Clock clock;

        Scheduler(StaffMails mails, Clock clock) {
            this.mails = mails;
            this.clock = clock;
        }

        @Scheduled(fixedDelay = "${rencontres.mail.poll-interval:10s}", initialDelay = "5s")
        void run() {
            mails.sendDue(clock.instant());
        }
    }

    @MappedEntity("staff_mail")
    public record StaffMail(@Id @GeneratedValue @Nullable Long id, Long accountId, String kind, String recipient,
                            @Nullable String linkSecret, String status, int attempts, Instant nextAttemptAt,
                            Instant createdAt, @Nullable Instant sentAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Outbox extends CrudRepository<StaffMail, Long> {

        @Query("""
                SELECT * FROM staff_mail WHERE status = 'PENDING' AND next_attempt_at <= :now
                 ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
        List<StaffMail> claimDue(Instant now, int limit);

        @Query("UPDATE staff_mail SET status = 'SENT', sent_at = :sentAt, link_secret = NULL, attempts = attempts + 1 WHERE id = :id")
        void markSent(Long id, Instant sentAt);

        @Query("UPDATE staff_mail SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt WHERE id = :id")
        void markFailed(Long id, String status, int attempts, Instant nextAttemptAt);

        List<StaffMail> findByAccountIdOrderById(Long accountId);
    }
}
