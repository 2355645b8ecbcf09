package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.registration.RegistrationMails;
import fr.cuf.rencontres.support.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminder of an unpaid invoice: once {@code rencontres.invoice.reminder-after} has passed since its due
 * date (Paris days), an invoice still ISSUED gets one mail, through the outbox, to the first registrant of its
 * open lines. The invoice is claimed in SQL ({@code reminded_at} set where it is still NULL) in the transaction
 * that queues the mail: any number of instances send it once.
 */
@Singleton
public class InvoiceReminders {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcOperations jdbc;
    private final RegistrationMails mails;
    private final InvoiceSettings settings;
    private final Clock clock;

    InvoiceReminders(JdbcOperations jdbc, RegistrationMails mails, InvoiceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    record Due(long id, String number, LocalDate dueOn, int dueCents, Long registrationId) {
    }

    /** Queues the reminders due now; returns how many this call queued. */
    @Transactional
    public int queueDue() {
        LocalDate today = Times.paris(clock.instant()).toLocalDate();
        LocalDate lastDueOn = today.minusDays(settings.getReminderAfter().toDays());
        int queued = 0;
        for (Due due : candidates(lastDueOn)) {
            if (due.registrationId() == null || !claim(due.id())) {
                continue;
            }
            mails.queue(MailKind.INVOICE_REMINDER, due.registrationId(), null,
                    due.number() + " — " + InvoiceService.euros(due.dueCents()) + " — " + DAY.format(due.dueOn()));
            queued++;
        }
        if (queued > 0) {
            LOG.info("Queued {} unpaid-invoice reminders (due on or before {})", queued, lastDueOn);
        }
        return queued;
    }

    private List<Due> candidates(LocalDate lastDueOn) {
        return jdbc.prepareStatement("""
                SELECT i.id, i.invoice_number, i.due_on, i.total_cents - i.credited_cents - i.paid_cents,
                       (SELECT MIN(l.registration_id) FROM invoice_line l
                         WHERE l.invoice_id = i.id
                           AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id))
                  FROM invoice i
                 WHERE i.status = 'ISSUED' AND i.reminded_at IS NULL AND i.due_on <= ?
                 ORDER BY i.id""", (PreparedStatement s) -> {
            s.setObject(1, lastDueOn);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long registration = rs.getLong(5);
                    due.add(new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                            rs.wasNull() ? null : registration));
                }
            }
            return due;
        });
    }

    /** True for the one caller that marks the invoice reminded; a concurrent claim waits, then finds it set. */
    private boolean claim(long invoiceId) {
        return jdbc.prepareStatement("UPDATE invoice SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL "
                + "AND status = 'ISSUED'", (PreparedStatement s) -> {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setLong(2, invoiceId);
            return s.executeUpdate() == 1;
        });
    }
}
