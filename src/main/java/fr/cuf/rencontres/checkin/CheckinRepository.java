package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.registration.Registration;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What check-in reads of registrations (never writes): lookups by name, rosters, sign-ups. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CheckinRepository extends GenericRepository<Registration, Long> {

    /** An attendee of the roster: the registration with its person and organisation. */
    String ROSTER = """
            SELECT r.id AS registration_id, r.status, r.participant_type, r.badge_version,
                   p.first_name, p.last_name, p.function_title, o.name AS organisation_name,
                   COALESCE(r.organisation_id, p.organisation_id) AS organisation_id
              FROM registration r
              JOIN person p ON p.id = r.person_id
              LEFT JOIN organisation o ON o.id = COALESCE(r.organisation_id, p.organisation_id)
            """;

    @Query(ROSTER + " WHERE r.event_id = :eventId")
    List<Attendee> findRoster(long eventId);

    /** Registrations changed at or after an instant (a cancellation, a new badge, a new registrant). */
    @Query(ROSTER + " WHERE r.event_id = :eventId AND r.updated_at >= :since")
    List<Attendee> findRosterChangedSince(long eventId, Instant since);

    @Query("""
            SELECT rs.registration_id, rs.session_id FROM registration_session rs
              JOIN registration r ON r.id = rs.registration_id
             WHERE r.event_id = :eventId AND rs.status <> 'CANCELLED'""")
    List<SignUp> findSignUps(long eventId);

    @Introspected
    record SignUp(long registrationId, long sessionId) {
    }
}
