package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.MeetingChanged;
import fr.cuf.rencontres.mail.MailKind;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Tells every active registrant of a moved or cancelled meeting, with the reason staff gave, through the
 * outbox. Runs in the transaction that moved or cancelled the meeting: no mail for a change rolled back.
 * Registrations without an address (imports) get none.
 */
@Singleton
class MeetingMails implements ApplicationEventListener<MeetingChanged> {

    private final Reachable registrants;
    private final RegistrationMails mails;

    MeetingMails(Reachable registrants, RegistrationMails mails) {
        this.registrants = registrants;
        this.mails = mails;
    }

    @Override
    public void onApplicationEvent(MeetingChanged change) {
        MailKind kind = change.change() == MeetingChanged.Change.MOVED ? MailKind.MEETING_MOVED : MailKind.MEETING_CANCELLED;
        for (Long id : registrants.reachable(change.eventId())) {
            mails.queue(kind, id, null, change.reason());
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Reachable extends GenericRepository<RegistrationDetail, Long> {

        @Query("""
                SELECT r.id FROM registration r JOIN registration_detail d ON d.registration_id = r.id
                 WHERE r.event_id = :eventId AND r.status <> 'CANCELLED' ORDER BY r.id""")
        List<Long> reachable(long eventId);
    }
}
