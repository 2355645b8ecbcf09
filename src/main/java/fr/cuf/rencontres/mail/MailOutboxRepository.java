package fr.cuf.rencontres.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MailOutboxRepository extends CrudRepository<OutboxMail, Long> {

    /**
     * Due mails, locked until the claiming transaction ends: waiting ones whose time has come, and ones left
     * SENDING by a sender whose lease expired (it died between the claim and the mark). Rows another sender is
     * claiming are skipped.
     */
    @Query("""
            SELECT * FROM mail_outbox
             WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until <= :now)
             ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OutboxMail> lockDue(Instant now, int limit);

    @Query("UPDATE mail_outbox SET status = 'SENDING', lease_until = :leaseUntil WHERE id IN (:ids)")
    void lease(List<Long> ids, Instant leaseUntil);

    /**
     * Extends the lease of a row this sender still holds: {@code held} is the lease it set, so a row whose lease
     * another sender renewed after it expired is not touched (0 rows) and is left to that sender.
     */
    @Query("UPDATE mail_outbox SET lease_until = :until WHERE id = :id AND status = 'SENDING' AND lease_until = :held")
    int renew(Long id, Instant held, Instant until);

    /** Only a row still SENDING: a row another sender already marked stays as it is. */
    @Query("""
            UPDATE mail_outbox SET status = 'SENT', subject = :subject, sent_at = :sentAt, link_secret = NULL,
                   last_error = NULL, lease_until = NULL, attempts = attempts + 1
             WHERE id = :id AND status = 'SENDING'""")
    int markSent(Long id, String subject, Instant sentAt);

    @Query("""
            UPDATE mail_outbox SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                   last_error = :lastError, lease_until = NULL
             WHERE id = :id AND status = 'SENDING'""")
    int markFailed(Long id, String status, int attempts, Instant nextAttemptAt, @Nullable String lastError);

    List<OutboxMail> findByRegistrationIdOrderById(Long registrationId);

    List<OutboxMail> findByAccountIdOrderById(Long accountId);

    /** Rows whose link secret is still in clear (queued before sealing, or moved from the old staff_mail table). */
    @Query("SELECT * FROM mail_outbox WHERE link_secret IS NOT NULL AND link_secret NOT LIKE 'g1.%' ORDER BY id")
    List<OutboxMail> findUnsealed();

    /** Only while the row still holds that clear value (another instance may be sealing it, or it was sent). */
    @Query("UPDATE mail_outbox SET link_secret = :sealed WHERE id = :id AND link_secret = :plain")
    int seal(Long id, String plain, String sealed);

    long countByStatus(String status);
}
