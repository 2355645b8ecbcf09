package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The SQL of the staff pages: filtered list, counts per category, the waiting list in order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegistrationDeskRepository extends GenericRepository<RegistrationDetail, Long> {

    @Query("""
            SELECT r.id, p.first_name, p.last_name, d.email, o.name AS organisation_name, r.participant_type, r.status,
                   r.price_category, r.price_cents, r.created_at, d.waitlist_seq
              FROM registration r JOIN registration_detail d ON d.registration_id = r.id
              JOIN person p ON p.id = r.person_id LEFT JOIN organisation o ON o.id = r.organisation_id
             WHERE r.event_id = :eventId
               AND (CAST(:q AS VARCHAR) IS NULL OR p.last_name ILIKE CONCAT('%', CAST(:q AS VARCHAR), '%')
                    OR p.first_name ILIKE CONCAT('%', CAST(:q AS VARCHAR), '%') OR d.email ILIKE CONCAT('%', CAST(:q AS VARCHAR), '%')
                    OR o.name ILIKE CONCAT('%', CAST(:q AS VARCHAR), '%'))
               AND (CAST(:status AS VARCHAR) IS NULL OR r.status = CAST(:status AS VARCHAR))
               AND (CAST(:category AS VARCHAR) IS NULL OR r.price_category = CAST(:category AS VARCHAR))
               AND (CAST(:organisationId AS BIGINT) IS NULL OR r.organisation_id = CAST(:organisationId AS BIGINT))
               AND (CAST(:sessionId AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM registration_session rs
                     WHERE rs.registration_id = r.id AND rs.session_id = CAST(:sessionId AS BIGINT) AND rs.status <> 'CANCELLED'))
             ORDER BY p.last_name, p.first_name, r.id
             LIMIT :limit""")
    List<DeskRow> search(long eventId, @Nullable String q, @Nullable String status, @Nullable String category,
                         @Nullable Long organisationId, @Nullable Long sessionId, int limit);

    @Query("""
            SELECT COALESCE(price_category, '-') AS category, status, COUNT(*) AS registrations
              FROM registration WHERE event_id = :eventId GROUP BY price_category, status ORDER BY category, status""")
    List<CategoryCount> countsByCategory(long eventId);

    @Query("""
            SELECT r.id, p.first_name, p.last_name, d.email, o.name AS organisation_name, r.participant_type, r.status,
                   r.price_category, r.price_cents, r.created_at, d.waitlist_seq
              FROM registration r JOIN registration_detail d ON d.registration_id = r.id
              JOIN person p ON p.id = r.person_id LEFT JOIN organisation o ON o.id = r.organisation_id
             WHERE r.event_id = :eventId AND r.status = 'WAITLISTED'
             ORDER BY d.waitlist_seq, r.id""")
    List<DeskRow> waitingList(long eventId);

    @Introspected
    record CategoryCount(String category, String status, long registrations) {
    }
}
