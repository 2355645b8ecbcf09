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
 * The statements of the scan path besides the read of the facts ({@link ScanFactsRepository}) and PostgreSQL's
 * one-statement writes ({@link ScanWrites}): for {@link LockingScanWrites}, a lock, the presence and the scan one by
 * one; on both, the scan's insert for refusals (also the nonce check: a nonce seen before inserts nothing), replays
 * and undo.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScanRepository extends GenericRepository<Registration, Long> {

    /** H2 (no ON CONFLICT … DO UPDATE): the registration row is locked first, then update or insert. */
    @Query("SELECT id FROM registration WHERE id = :registrationId FOR UPDATE")
    Optional<Long> lock(long registrationId);

    @Query("""
            UPDATE checkin_presence SET inside = TRUE, first_entry_at = LEAST(first_entry_at, :at)
             WHERE registration_id = :registrationId AND list_key = :listKey AND inside = FALSE""")
    int reenter(long registrationId, String listKey, Instant at);

    @Query("""
            INSERT INTO checkin_presence (registration_id, list_key, inside, first_entry_at)
            SELECT :registrationId, :listKey,
                   NOT EXISTS (SELECT 1 FROM checkin_scan x
                                WHERE x.registration_id = :registrationId AND x.list_key = :listKey
                                  AND x.outcome = 'ok' AND x.direction = 'EXIT' AND x.scanned_at > :at), :at
            ON CONFLICT DO NOTHING""")
    int enterFirst(long registrationId, String listKey, Instant at);

    /** An exit leaves the person outside unless an entry was scanned after it (and sent before it). */
    @Query("""
            UPDATE checkin_presence
               SET inside = EXISTS (SELECT 1 FROM checkin_scan x
                                     WHERE x.registration_id = :registrationId AND x.list_key = :listKey
                                       AND x.outcome = 'ok' AND x.direction = 'ENTRY' AND x.scanned_at > :at)
             WHERE registration_id = :registrationId AND list_key = :listKey""")
    int leave(long registrationId, String listKey, Instant at);

    /** Records the scan unless its nonce was recorded before (then 0: the caller answers the stored scan). */
    @Query("""
            INSERT INTO checkin_scan (nonce, event_id, registration_id, list_key, session_id, direction, outcome,
                                      first_checkin_at, scanned_at, recorded_at, scanner, offline, request_digest)
            VALUES (:nonce, :eventId, :registrationId, :listKey, :sessionId, :direction, :outcome,
                    :firstCheckinAt, :scannedAt, :recordedAt, :scanner, :offline, :requestDigest)
            ON CONFLICT DO NOTHING""")
    int insertScan(String nonce, @Nullable Long eventId, @Nullable Long registrationId, String listKey,
                   @Nullable Long sessionId, String direction, String outcome, @Nullable Instant firstCheckinAt,
                   Instant scannedAt, Instant recordedAt, String scanner, boolean offline, String requestDigest);

    /** A scan recorded before, with the name and type of its person, to answer a nonce sent again. */
    @Query("""
            SELECT c.outcome, c.direction, c.registration_id, p.first_name, p.last_name, r.participant_type,
                   c.first_checkin_at, c.scanned_at, c.request_digest
              FROM checkin_scan c
              LEFT JOIN registration r ON r.id = c.registration_id
              LEFT JOIN person p ON p.id = r.person_id
             WHERE c.nonce = :nonce""")
    Optional<Stored> findByNonce(String nonce);

    /** The scan to undo: an accepted entry. */
    @Query("""
            SELECT registration_id, list_key, scanner FROM checkin_scan
             WHERE nonce = :nonce AND outcome = 'ok' AND direction = 'ENTRY'""")
    Optional<Undoable> findUndoable(String nonce);

    @Query("UPDATE checkin_scan SET outcome = 'undone' WHERE nonce = :nonce AND outcome = 'ok' AND direction = 'ENTRY'")
    int markUndone(String nonce);

    @Query("""
            DELETE FROM checkin_presence WHERE registration_id = :registrationId AND list_key = :listKey
               AND NOT EXISTS (SELECT 1 FROM checkin_scan x
                                WHERE x.registration_id = :registrationId AND x.list_key = :listKey
                                  AND x.outcome = 'ok' AND x.direction = 'ENTRY')""")
    int forgetPresence(long registrationId, String listKey);

    /** The presence as the remaining accepted scans say, by their times. */
    @Query("""
            UPDATE checkin_presence
               SET first_entry_at = (SELECT MIN(x.scanned_at) FROM checkin_scan x
                                      WHERE x.registration_id = :registrationId AND x.list_key = :listKey
                                        AND x.outcome = 'ok' AND x.direction = 'ENTRY'),
                   inside = COALESCE((SELECT x.direction = 'ENTRY' FROM checkin_scan x
                                       WHERE x.registration_id = :registrationId AND x.list_key = :listKey
                                         AND x.outcome = 'ok'
                                       ORDER BY x.scanned_at DESC, x.id DESC LIMIT 1), FALSE)
             WHERE registration_id = :registrationId AND list_key = :listKey""")
    int recomputePresence(long registrationId, String listKey);

    @Introspected
    record Undoable(long registrationId, String listKey, String scanner) {
    }

    @Introspected
    record Stored(String outcome, String direction, @Nullable Long registrationId, @Nullable String firstName,
                  @Nullable String lastName, @Nullable String participantType, @Nullable Instant firstCheckinAt,
                  Instant scannedAt, @Nullable String requestDigest) {
    }
}
