package fr.cuf.rencontres.privacy;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure of one person on request (ADMIN): every registration and the person record anonymised in one transaction
 * (see {@link Anonymiser}), audited with who and why. Refused while the person has an unpaid invoice or a
 * registration to an event not over yet, unless staff confirm they know.
 */
@Singleton
public class Erasure {

    static final int MAX_REASON = 1000;

    private final PrivacyRepository sql;
    private final Anonymiser anonymiser;
    private final AuditLog audit;
    private final Clock clock;

    Erasure(PrivacyRepository sql, Anonymiser anonymiser, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.clock = clock;
    }

    /** What holds an erasure back: {@code unpaid_invoice} and {@code future_registration}, with their counts. */
    public record Holds(long unpaidInvoices, long futureRegistrations) {
        public boolean any() {
            return unpaidInvoices > 0 || futureRegistrations > 0;
        }
    }

    @Transactional
    public Holds holds(long personId) {
        return holds(personId, clock.instant());
    }

    Holds holds(long personId, Instant now) {
        return new Holds(unpaidInvoices(sql, "r.person_id = ?", personId),
                sql.count("SELECT COUNT(*) FROM registration r JOIN event e ON e.id = r.event_id "
                        + "WHERE r.person_id = ? AND r.status <> 'CANCELLED' AND e.ends_at > ?", personId, now));
    }

    /** Invoices still waiting for payment that carry a line of a registration matching {@code where}. */
    static long unpaidInvoices(PrivacyRepository sql, String where, long id) {
        return sql.count("SELECT COUNT(DISTINCT i.id) FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id "
                + "JOIN registration r ON r.id = l.registration_id WHERE i.status = 'ISSUED' AND " + where, id);
    }

    @Transactional
    public boolean erased(long personId) {
        return sql.count("SELECT COUNT(*) FROM person_erasure WHERE person_id = ?", personId) > 0;
    }

    /**
     * Erases the person. Refusals: {@code required}/{@code too_long} on the reason, {@code already_erased},
     * {@code unpaid_invoice} and {@code future_registration} (field {@code confirm}) unless {@code confirmed}.
     * @return the number of registrations anonymised
     */
    @Transactional
    public int erase(long personId, String reason, boolean confirmed, String actor) {
        if (sql.count("SELECT COUNT(*) FROM person WHERE id = ?", personId) == 0) {
            throw DomainException.notFound("person_not_found");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason", "required");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "too_long", MAX_REASON);
        }
        // lock the person first: two erasures of one person, or an erasure racing an edit, run one after the other
        sql.rows("SELECT id FROM person WHERE id = ? FOR UPDATE", personId);
        if (erased(personId)) {
            throw DomainException.conflict("already_erased");
        }
        Instant now = clock.instant();
        Holds holds = holds(personId, now);
        if (holds.any() && !confirmed) {
            List<Problem> problems = new ArrayList<>();
            if (holds.unpaidInvoices() > 0) {
                problems.add(Problem.field("confirm", "unpaid_invoice", holds.unpaidInvoices()));
            }
            if (holds.futureRegistrations() > 0) {
                problems.add(Problem.field("confirm", "future_registration", holds.futureRegistrations()));
            }
            throw new DomainException(DomainException.Kind.CONFLICT, problems);
        }
        int done = 0;
        for (long registrationId : sql.ids("SELECT id FROM registration WHERE person_id = ? ORDER BY id", personId)) {
            if (anonymiser.registration(registrationId, "ERASURE", now)) {
                done++;
            }
        }
        anonymiser.person(personId, actor, why, now);
        audit.recordChange(actor, "person.erased", "person", personId,
                why + (holds.any() ? " [confirmed: " + holds.unpaidInvoices() + " unpaid invoice(s), "
                        + holds.futureRegistrations() + " future registration(s)]" : ""),
                "person #" + personId, Anonymiser.FIRST_NAME + " #" + personId + " (" + done + " registration(s) anonymised)");
        return done;
    }
}
