package fr.cuf.rencontres.privacy;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retention per event: {@code rencontres.privacy.retention-months} after its end (or the event's own number of
 * months), the personal data of its participants is anonymised ({@link Anonymiser}); dietary and accessibility
 * needs go first, {@code needs-retention-days} after the end. Registrations on an unpaid invoice wait; a person is
 * anonymised once none of their registrations keeps data (a registration to a later event keeps the person).
 * Idempotent (anonymised registrations are skipped) and safe with several instances (each registration is claimed
 * by an insert, see {@link Anonymiser#registration}). {@link #preview} says what {@link #run} would do.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final String ACTOR = "retention";

    private final PrivacyRepository sql;
    private final Anonymiser anonymiser;
    private final AuditLog audit;
    private final Clock clock;
    private final PrivacySettings settings;
    private final TransactionOperations<Connection> tx;

    Retention(PrivacyRepository sql, Anonymiser anonymiser, AuditLog audit, Clock clock, PrivacySettings settings,
              TransactionOperations<Connection> tx) {
        this.sql = sql;
        this.anonymiser = anonymiser;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.tx = tx;
    }

    /** An ended event, its retention and what the next run would do to it. */
    public record EventRetention(long eventId, String slug, String title, Instant endsAt, int months,
                                 boolean overridden, Instant dueAt, boolean due, long toAnonymise,
                                 long heldByInvoice, long alreadyAnonymised, long withNeeds) {
    }

    /** What a run did. */
    public record Report(int needsCleared, int registrations, int persons, long heldByInvoice, List<String> events) {
    }

    /** Every ended event, most recently ended first, with what a run now would do. */
    public List<EventRetention> preview() {
        return tx.executeRead(status -> preview(clock.instant()));
    }

    List<EventRetention> preview(Instant now) {
        List<EventRetention> out = new ArrayList<>();
        for (Map<String, Object> e : sql.rows("""
                SELECT e.id, e.slug, e.title, e.ends_at, er.retention_months,
                  (SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND NOT EXISTS
                     (SELECT 1 FROM anonymised_registration a WHERE a.registration_id = r.id)) AS pending,
                  (SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND EXISTS
                     (SELECT 1 FROM anonymised_registration a WHERE a.registration_id = r.id)) AS done,
                  (SELECT COUNT(*) FROM registration r WHERE r.event_id = e.id AND NOT EXISTS
                     (SELECT 1 FROM anonymised_registration a WHERE a.registration_id = r.id) AND EXISTS
                     (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                      WHERE l.registration_id = r.id AND i.status = 'ISSUED')) AS held,
                  (SELECT COUNT(*) FROM registration_detail d WHERE d.event_id = e.id
                     AND (d.dietary_needs IS NOT NULL OR d.accessibility_needs IS NOT NULL)) AS needs
                FROM event e LEFT JOIN event_retention er ON er.event_id = e.id
                WHERE e.ends_at < ? ORDER BY e.ends_at DESC, e.id""", now)) {
            Integer own = e.get("retention_months") == null ? null : ((Number) e.get("retention_months")).intValue();
            int months = own == null ? settings.getRetentionMonths() : own;
            Instant endsAt = (Instant) e.get("ends_at");
            Instant dueAt = Times.paris(endsAt).plusMonths(months).toInstant();
            long pending = num(e, "pending");
            long held = num(e, "held");
            boolean due = !dueAt.isAfter(now);
            out.add(new EventRetention(num(e, "id"), (String) e.get("slug"), (String) e.get("title"), endsAt, months,
                    own != null, dueAt, due, due ? pending - held : 0, held, num(e, "done"), num(e, "needs")));
        }
        return out;
    }

    /** Runs retention now: needs first, then every event past its retention. Logged and audited. */
    public Report run(String actor) {
        Instant now = clock.instant();
        int needs = tx.executeWrite(status ->
                anonymiser.needsOfEventsEndedBefore(now.minus(Duration.ofDays(settings.getNeedsRetentionDays()))));
        int registrations = 0;
        int persons = 0;
        long held = 0;
        List<String> events = new ArrayList<>();
        for (EventRetention e : tx.executeRead(status -> preview(now))) {
            if (!e.due() || e.toAnonymise() + e.heldByInvoice() == 0) {
                continue;
            }
            int[] done = tx.executeWrite(status -> event(e, actor, now));
            registrations += done[0];
            persons += done[1];
            held += e.heldByInvoice();
            if (done[0] > 0) {
                events.add(e.slug());
            }
        }
        Report report = new Report(needs, registrations, persons, held, events);
        if (report.needsCleared() > 0 || report.registrations() > 0) {
            LOG.info("Retention by {}: needs cleared on {} registration(s); {} registration(s) and {} person(s) "
                    + "anonymised in {}; {} held by unpaid invoices", actor, needs, registrations, persons, events, held);
            String summary = "needs " + needs + ", registrations " + registrations + ", persons " + persons
                    + ", held " + held + ", events " + events;
            tx.executeWrite(status -> {
                audit.record(actor, "retention.applied", "retention", null, summary);
                return null;
            });
        }
        return report;
    }

    private int[] event(EventRetention e, String actor, Instant now) {
        List<Long> ids = sql.ids("""
                SELECT r.id FROM registration r WHERE r.event_id = ? AND NOT EXISTS
                  (SELECT 1 FROM anonymised_registration a WHERE a.registration_id = r.id) AND NOT EXISTS
                  (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                   WHERE l.registration_id = r.id AND i.status = 'ISSUED') ORDER BY r.id""", e.eventId());
        int registrations = 0;
        Set<Long> people = new LinkedHashSet<>();
        for (long id : ids) {
            if (anonymiser.registration(id, "RETENTION", now)) {
                registrations++;
                people.add(sql.ids("SELECT person_id FROM registration WHERE id = ?", id).get(0));
            }
        }
        int persons = 0;
        for (long personId : people) {
            boolean keepsData = sql.count("SELECT COUNT(*) FROM registration r WHERE r.person_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM anonymised_registration a WHERE a.registration_id = r.id)", personId) > 0;
            if (!keepsData && anonymiser.person(personId, actor, "retention: " + e.slug(), now)) {
                persons++;
            }
        }
        if (registrations > 0) {
            audit.record(actor, "retention.event_anonymised", "event", e.eventId(),
                    registrations + " registration(s), " + persons + " person(s)");
        }
        return new int[]{registrations, persons};
    }

    /** Sets an event's own retention in months, or back to the setting with {@code null}. */
    public void setMonths(long eventId, @Nullable Integer months, String actor) {
        if (months != null && (months < 0 || months > 240)) {
            throw DomainException.invalid("months", "retention_months_range", 0, 240);
        }
        tx.executeWrite(status -> {
            if (sql.count("SELECT COUNT(*) FROM event WHERE id = ?", eventId) == 0) {
                throw DomainException.notFound("event_not_found");
            }
            List<Map<String, Object>> old = sql.rows("SELECT retention_months FROM event_retention WHERE event_id = ?", eventId);
            String before = old.isEmpty() ? "default " + settings.getRetentionMonths() : String.valueOf(old.get(0).get("retention_months"));
            sql.update("DELETE FROM event_retention WHERE event_id = ?", eventId);
            if (months != null) {
                sql.update("INSERT INTO event_retention (event_id, retention_months, updated_by, updated_at) VALUES (?, ?, ?, ?)",
                        eventId, months, actor, clock.instant());
            }
            audit.recordChange(actor, "retention.months_changed", "event", eventId, null, before,
                    months == null ? "default " + settings.getRetentionMonths() : String.valueOf(months));
            return null;
        });
    }

    private static long num(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
