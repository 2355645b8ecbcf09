package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.registration.Registration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Badge rows in print order (last name, first name), and the record of print runs. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BadgeRepository extends GenericRepository<Registration, Long> {

    String ROWS = """
            SELECT r.id AS registration_id, r.event_id, r.participant_type, r.status, r.badge_version,
                   p.first_name, p.last_name, p.function_title,
                   o.name AS organisation_name, o.country AS organisation_country
              FROM registration r
              JOIN person p ON p.id = r.person_id
              LEFT JOIN organisation o ON o.id = COALESCE(r.organisation_id, p.organisation_id)
            """;

    @Query(ROWS + " WHERE r.id = :registrationId")
    Optional<BadgeRow> findRow(long registrationId);

    /** Registrations holding a seat, optionally of one type, optionally only those whose current badge was never printed. */
    @Query(ROWS + """
             WHERE r.event_id = :eventId AND r.status IN ('CONFIRMED', 'PENDING_PAYMENT')
               AND (CAST(:participantType AS VARCHAR) IS NULL OR r.participant_type = CAST(:participantType AS VARCHAR))
               AND (:unprintedOnly = FALSE OR NOT EXISTS (
                    SELECT 1 FROM badge_print_item i
                     WHERE i.registration_id = r.id AND i.badge_version = r.badge_version))
             ORDER BY p.last_name, p.first_name, r.id""")
    List<BadgeRow> findBatch(long eventId, @Nullable String participantType, boolean unprintedOnly);

    /** The badges of a print run as they were printed (the badge version of that run), for a copy. */
    @Query("""
            SELECT r.id AS registration_id, r.event_id, r.participant_type, r.status, i.badge_version,
                   p.first_name, p.last_name, p.function_title,
                   o.name AS organisation_name, o.country AS organisation_country
              FROM badge_print_item i
              JOIN registration r ON r.id = i.registration_id
              JOIN person p ON p.id = r.person_id
              LEFT JOIN organisation o ON o.id = COALESCE(r.organisation_id, p.organisation_id)
             WHERE i.print_run_id = :runId""")
    List<BadgeRow> findPrinted(long runId);

    @Query("SELECT MAX(printed_at) FROM badge_print_run WHERE event_id = :eventId")
    Optional<Instant> findLastPrint(long eventId);

    /** Reissue: the old codes stop working (they carry the previous version). */
    @Query("UPDATE registration SET badge_version = badge_version + 1, version = version + 1, updated_at = :now WHERE id = :registrationId")
    int incrementBadgeVersion(long registrationId, Instant now);
}
