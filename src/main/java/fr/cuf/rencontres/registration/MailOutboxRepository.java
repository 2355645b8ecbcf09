package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MailOutboxRepository extends CrudRepository<OutboxMail, Long> {

    /** Due mails, locked; rows another instance is sending are skipped, so no mail goes out twice. */
    @Query("""
            SELECT * FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OutboxMail> claimDue(Instant now, int limit);

    @Query("UPDATE mail_outbox SET status = 'SENT', subject = :subject, sent_at = :sentAt, link_secret = NULL, last_error = NULL, attempts = attempts + 1 WHERE id = :id")
    void markSent(Long id, String subject, Instant sentAt);

    @Query("UPDATE mail_outbox SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError WHERE id = :id")
    void markFailed(Long id, String status, int attempts, Instant nextAttemptAt,
                    @io.micronaut.core.annotation.Nullable String lastError);

    List<OutboxMail> findByRegistrationIdOrderById(Long registrationId);

    long countByStatus(String status);
}
