package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The figures of an event's staff hub, each in one scalar subquery so the hub costs one round trip.
 * Definitions follow the pages they summarise: a badge counts as printed when a print run holds the
 * registration at its current badge version (a reissued badge is to print again); checked in means an
 * accepted entry at an entrance of the event (as the attendance page's "arrived"); an invoice is due
 * while it is issued and not paid.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EventHubRepository extends GenericRepository<Event, Long> {

    @Query("""
            SELECT
              (SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status = 'CONFIRMED') AS confirmed,
              (SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status = 'PENDING_PAYMENT') AS pending_payment,
              (SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status = 'WAITLISTED') AS waitlisted,
              (SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status = 'CANCELLED') AS cancelled,
              (SELECT COUNT(*) FROM event_session WHERE event_id = :eventId AND status <> 'CANCELLED'
                  AND starts_at IS NOT NULL) AS sessions_placed,
              (SELECT COUNT(*) FROM event_session WHERE event_id = :eventId AND status <> 'CANCELLED'
                  AND starts_at IS NULL) AS sessions_unplaced,
              (SELECT COUNT(*) FROM event_session WHERE event_id = :eventId AND status = 'CANCELLED') AS sessions_cancelled,
              (SELECT COUNT(*) FROM timetable_run WHERE event_id = :eventId) AS solver_runs,
              (SELECT COUNT(*) FROM programme_version WHERE event_id = :eventId) AS versions,
              (SELECT COUNT(*) FROM badge_print_run WHERE event_id = :eventId) AS print_runs,
              (SELECT COUNT(*) FROM registration g WHERE g.event_id = :eventId
                  AND g.status IN ('CONFIRMED', 'PENDING_PAYMENT')
                  AND EXISTS (SELECT 1 FROM badge_print_item i JOIN badge_print_run r ON r.id = i.print_run_id
                               WHERE r.event_id = :eventId AND i.registration_id = g.id
                                 AND i.badge_version = g.badge_version)) AS badges_printed,
              (SELECT COUNT(DISTINCT s.registration_id) FROM checkin_scan s WHERE s.event_id = :eventId
                  AND s.outcome = 'ok' AND s.direction = 'ENTRY' AND s.list_key LIKE 'entrance:%') AS checked_in,
              (SELECT COUNT(*) FROM invoice WHERE event_id = :eventId) AS invoices,
              (SELECT COUNT(*) FROM invoice WHERE event_id = :eventId AND status = 'ISSUED') AS invoices_due,
              (SELECT COALESCE(SUM(total_cents - paid_cents), 0) FROM invoice
                WHERE event_id = :eventId AND status = 'ISSUED') AS due_cents,
              (SELECT COUNT(*) FROM csv_import WHERE event_slug = :slug) AS imports""")
    List<Counts> counts(long eventId, String slug);

    /**
     * Events staff should look at first: every edition of the conference not yet over, then meetings not
     * yet over whose registration is open or opens before {@code soon}. Drafts included (staff prepare them).
     */
    @Query("""
            SELECT e.* FROM event e
             WHERE e.ends_at > :now AND e.status <> 'CANCELLED'
               AND (e.kind = 'CONFERENCE_EDITION'
                    OR (e.status = 'PUBLISHED' AND (e.registration_opens_at IS NULL OR e.registration_opens_at < :soon)
                        AND (e.registration_closes_at IS NULL OR e.registration_closes_at > :now)))
             ORDER BY CASE WHEN e.kind = 'CONFERENCE_EDITION' THEN 0 ELSE 1 END, e.starts_at
             LIMIT :limit""")
    List<Event> needingAttention(Instant now, Instant soon, int limit);

    /** Registrations by status for several events at once (the staff home's list). */
    @Query("""
            SELECT event_id, status, COUNT(*) AS registrations FROM registration
             WHERE event_id IN (:eventIds) GROUP BY event_id, status""")
    List<StatusCount> statusCounts(List<Long> eventIds);

    /** The latest uploads (all kinds, or one event's), so that a preview or a report is found again by clicking. */
    @Query("""
            SELECT id, kind, event_slug, file_name, created_by, created_at, committed_at FROM csv_import
             WHERE CAST(:eventSlug AS VARCHAR) IS NULL OR event_slug = CAST(:eventSlug AS VARCHAR)
             ORDER BY created_at DESC LIMIT :limit""")
    List<RecentImport> recentImports(@io.micronaut.core.annotation.Nullable String eventSlug, int limit);

    @Introspected
    record RecentImport(String id, String kind, @io.micronaut.core.annotation.Nullable String eventSlug, String fileName,
                        String createdBy, Instant createdAt, @io.micronaut.core.annotation.Nullable Instant committedAt) {
    }

    /** The latest registrations of an event, newest first: what came in since staff last looked. */
    @Query("""
            SELECT r.id, p.first_name, p.last_name, o.name AS organisation_name, r.status, r.created_at
              FROM registration r JOIN person p ON p.id = r.person_id
              LEFT JOIN organisation o ON o.id = r.organisation_id
             WHERE r.event_id = :eventId ORDER BY r.created_at DESC, r.id DESC LIMIT :limit""")
    List<LatestRegistration> latestRegistrations(long eventId, int limit);

    @Introspected
    record LatestRegistration(long id, String firstName, String lastName,
                              @io.micronaut.core.annotation.Nullable String organisationName, String status,
                              Instant createdAt) {
    }

    @Introspected
    record StatusCount(long eventId, String status, long registrations) {
    }

    @Introspected
    record Counts(long confirmed, long pendingPayment, long waitlisted, long cancelled, long sessionsPlaced,
                  long sessionsUnplaced, long sessionsCancelled, long solverRuns, long versions, long printRuns,
                  long badgesPrinted, long checkedIn, long invoices, long invoicesDue, long dueCents, long imports) {

        public long registered() {
            return confirmed + pendingPayment;
        }

        public long badgesToPrint() {
            return registered() - badgesPrinted;
        }
    }
}
