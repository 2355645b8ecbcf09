package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.registration.Registration;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/**
 * The statements of the scan path, kept to a few round trips: one read of the facts, one write of the
 * presence, one insert of the scan (which is also the nonce check: a nonce seen before inserts nothing).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScanStatements extends GenericRepository<Registration, Long> {

    @Query("""
            SELECT r.id AS registration_id, r.event_id, e.slug AS event_slug, r.status, r.participant_type,
                   r.badge_version, p.first_name, p.last_name,
                   COALESCE(r.organisation_id, p.organisation_id) AS organisation_id,
                   e.starts_at AS event_starts_at, e.ends_at AS event_ends_at, e.members_only AS event_members_only,
                   s.id AS session_id, s.event_id AS session_event_id, s.starts_at AS session_starts_at,
                   s.members_only AS session_members_only,
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.status <> 'CANCELLED') AS session_has_sign_ups,
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.registration_id = r.id
                              AND x.status <> 'CANCELLED') AS signed_up,
                   c.inside, c.first_entry_at, d.attendance_day
              FROM registration r
              JOIN person p ON p.id = r.person_id
              JOIN event e ON e.id = r.event_id
              LEFT JOIN registration_detail d ON d.registration_id = r.id
              LEFT JOIN event_session s ON s.id = :sessionId
              LEFT JOIN checkin_presence c ON c.registration_id = r.id AND c.list_key = :listKey
             WHERE r.id = :registrationId""")
    Optional<ScanFacts> facts(long registrationId, @Nullable Long sessionId, String listKey);

    /**
     * PostgreSQL: in, unless already inside, in one statement. A second scanner racing on the same badge
     * waits on the row the first one wrote, then finds it inside: 1 = let in, 0 = already inside.
     */
    @Query("""
            INSERT INTO checkin_presence (registration_id, list_key, inside, first_entry_at)
            VALUES (:registrationId, :listKey, TRUE, :at)
            ON CONFLICT (registration_id, list_key) DO UPDATE
               SET inside = TRUE, first_entry_at = LEAST(checkin_presence.first_entry_at, EXCLUDED.first_entry_at)
             WHERE checkin_presence.inside = FALSE""")
    int enterUpsert(long registrationId, String listKey, Instant at);

    /** H2 (no ON CONFLICT … DO UPDATE): the registration row is locked first, then update or insert. */
    @Query("SELECT id FROM registration WHERE id = :registrationId FOR UPDATE")
    Optional<Long> lock(long registrationId);

    @Query("""
            UPDATE checkin_presence SET inside = TRUE, first_entry_at = LEAST(first_entry_at, :at)
             WHERE registration_id = :registrationId AND list_key = :listKey AND inside = FALSE""")
    int reenter(long registrationId, String listKey, Instant at);

    @Query("""
            INSERT INTO checkin_presence (registration_id, list_key, inside, first_entry_at)
            VALUES (:registrationId, :listKey, TRUE, :at) ON CONFLICT DO NOTHING""")
    int enterFirst(long registrationId, String listKey, Instant at);

    @Query("UPDATE checkin_presence SET inside = FALSE WHERE registration_id = :registrationId AND list_key = :listKey")
    int leave(long registrationId, String listKey);

    @Query("SELECT first_entry_at FROM checkin_presence WHERE registration_id = :registrationId AND list_key = :listKey")
    Optional<Instant> firstEntry(long registrationId, String listKey);

    /** Records the scan unless its nonce was recorded before (then 0: the caller answers the stored scan). */
    @Query("""
            INSERT INTO checkin_scan (nonce, event_id, registration_id, list_key, session_id, direction, outcome,
                                      first_checkin_at, scanned_at, recorded_at, scanner, offline)
            VALUES (:nonce, :eventId, :registrationId, :listKey, :sessionId, :direction, :outcome,
                    :firstCheckinAt, :scannedAt, :recordedAt, :scanner, :offline)
            ON CONFLICT DO NOTHING""")
    int insertScan(String nonce, @Nullable Long eventId, @Nullable Long registrationId, String listKey,
                   @Nullable Long sessionId, String direction, String outcome, @Nullable Instant firstCheckinAt,
                   Instant scannedAt, Instant recordedAt, String scanner, boolean offline);

    /** A scan recorded before, with the name and type of its person, to answer a nonce sent again. */
    @Query("""
            SELECT c.outcome, c.direction, c.registration_id, p.first_name, p.last_name, r.participant_type,
                   c.first_checkin_at, c.scanned_at
              FROM checkin_scan c
              LEFT JOIN registration r ON r.id = c.registration_id
              LEFT JOIN person p ON p.id = r.person_id
             WHERE c.nonce = :nonce""")
    Optional<Stored> findByNonce(String nonce);

    @Introspected
    record Stored(String outcome, String direction, @Nullable Long registrationId, @Nullable String firstName,
                  @Nullable String lastName, @Nullable String participantType, @Nullable Instant firstCheckinAt,
                  Instant scannedAt) {
    }
}
