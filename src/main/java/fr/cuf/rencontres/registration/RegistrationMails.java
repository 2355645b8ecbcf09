package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.mail.OutboxSeal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Puts mails in the outbox, inside the caller's transaction: a rolled-back registration leaves no mail.
 * The text is composed when the mail is sent ({@link MailComposer}).
 */
@Singleton
public class RegistrationMails {

    private final MailOutboxRepository outbox;
    private final Recipients recipients;
    private final Clock clock;
    private final OutboxSeal seal;

    RegistrationMails(MailOutboxRepository outbox, Recipients recipients, Clock clock, OutboxSeal seal) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.clock = clock;
        this.seal = seal;
    }

    /** The personal secret as an outbox row keeps it until its mail leaves: sealed ({@link OutboxSeal}). */
    @Nullable
    String sealed(@Nullable String secret) {
        return seal.seal(secret);
    }

    /** {@code secret}: the personal secret, when the mail must carry the personal link. */
    public void queue(MailKind kind, long registrationId, @Nullable String secret) {
        queue(kind, registrationId, secret, null);
    }

    void queueSessionPromotion(long registrationId, String sessionTitle) {
        queue(MailKind.SESSION_PROMOTED, registrationId, null, sessionTitle);
    }

    /**
     * Tells every active registrant of the event (or only those holding a seat in one session) that the
     * programme changed; {@code note} says what changed. Returns the number of mails queued.
     */
    public int programmeChanged(long eventId, @Nullable Long sessionId, String note) {
        List<Long> ids = sessionId == null ? recipients.activeOfEvent(eventId) : recipients.holdersOfSession(sessionId);
        ids.forEach(id -> queue(MailKind.PROGRAMME_CHANGE, id, null, note));
        return ids.size();
    }

    /** As {@link #queue(MailKind, long, String)}, when the caller knows the recipient (no read). */
    void queueTo(MailKind kind, long registrationId, String email, String locale, @Nullable String secret) {
        Instant now = clock.instant();
        outbox.save(OutboxMail.toRegistrant(registrationId, kind, email, locale, sealed(secret), null, now));
    }

    /** {@code note}: the text the mail's body shows in its third place (what changed, which invoice…). */
    public void queue(MailKind kind, long registrationId, @Nullable String secret, @Nullable String note) {
        Recipient to = recipients.of(registrationId);
        Instant now = clock.instant();
        outbox.save(OutboxMail.toRegistrant(registrationId, kind, to.email(), to.locale(), sealed(secret), note, now));
    }

    @io.micronaut.core.annotation.Introspected
    record Recipient(String email, String locale) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Recipients extends GenericRepository<RegistrationDetail, Long> {

        @Query("SELECT email, locale FROM registration_detail WHERE registration_id = :registrationId")
        Recipient of(long registrationId);

        @Query("SELECT id FROM registration WHERE event_id = :eventId AND status <> 'CANCELLED' ORDER BY id")
        List<Long> activeOfEvent(long eventId);

        @Query("""
                SELECT rs.registration_id FROM registration_session rs JOIN registration r ON r.id = rs.registration_id
                 WHERE rs.session_id = :sessionId AND rs.status <> 'CANCELLED' AND r.status <> 'CANCELLED'
                 ORDER BY rs.registration_id""")
        List<Long> holdersOfSession(long sessionId);
    }
}
