package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static fr.cuf.rencontres.support.Times.utc;

/**
 * PostgreSQL: an admitted entry or exit is one statement that writes the presence and records the scan, so it
 * runs without a transaction of its own (autocommit: the facts read, then this; two round trips). The scan's
 * insert is the nonce check; the presence is written only if the nonce was not recorded before, so a retry
 * racing its first send changes nothing. Plain JDBC: Micronaut Data does not map the result of a
 * data-modifying {@code WITH}.
 */
@Singleton
class ScanWrites {

    /*
     * Presence follows the time of the scans, not their arrival: an entry queued offline and sent after a later
     * exit is recorded, but leaves the person outside (and an exit sent after a later entry leaves them inside).
     */
    private static final String ENTER = """
            WITH entered AS (
                INSERT INTO checkin_presence (registration_id, list_key, inside, first_entry_at)
                SELECT ?, ?, NOT EXISTS (SELECT 1 FROM checkin_scan x
                                          WHERE x.registration_id = ? AND x.list_key = ? AND x.outcome = 'ok'
                                            AND x.direction = 'EXIT' AND x.scanned_at > ?), ?
                 WHERE NOT EXISTS (SELECT 1 FROM checkin_scan WHERE nonce = ?)
                ON CONFLICT (registration_id, list_key) DO UPDATE
                   SET inside = EXCLUDED.inside,
                       first_entry_at = LEAST(checkin_presence.first_entry_at, EXCLUDED.first_entry_at)
                 WHERE checkin_presence.inside = FALSE
                RETURNING first_entry_at)
            INSERT INTO checkin_scan (nonce, event_id, registration_id, list_key, session_id, direction, outcome,
                                      first_checkin_at, scanned_at, recorded_at, scanner, offline, request_digest)
            SELECT ?, ?, ?, ?, ?, 'ENTRY', CASE WHEN e.first_entry_at IS NULL THEN 'already_checked_in' ELSE 'ok' END,
                   e.first_entry_at, ?, ?, ?, ?, ?
              FROM (SELECT 1 AS one) x LEFT JOIN entered e ON TRUE
            ON CONFLICT DO NOTHING
            RETURNING outcome, first_checkin_at""";

    private static final String LEAVE = """
            WITH gone AS (
                UPDATE checkin_presence
                   SET inside = EXISTS (SELECT 1 FROM checkin_scan x
                                         WHERE x.registration_id = ? AND x.list_key = ? AND x.outcome = 'ok'
                                           AND x.direction = 'ENTRY' AND x.scanned_at > ?)
                 WHERE registration_id = ? AND list_key = ?
                   AND NOT EXISTS (SELECT 1 FROM checkin_scan WHERE nonce = ?))
            INSERT INTO checkin_scan (nonce, event_id, registration_id, list_key, session_id, direction, outcome,
                                      first_checkin_at, scanned_at, recorded_at, scanner, offline, request_digest)
            VALUES (?, ?, ?, ?, ?, 'EXIT', 'ok', ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    /**
     * What was recorded: {@code ok} with the first entry, or {@code already_checked_in} (first entry null) when
     * another scanner let the person in since the facts were read: this statement's snapshot may predate that
     * entry, so the caller reads it.
     */
    record Entry(Outcome outcome, @Nullable Instant firstCheckinAt) {
    }

    private final JdbcOperations jdbc;

    ScanWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Lets the person in and records the scan; empty when the nonce was recorded before (nothing written). */
    Optional<Entry> enter(String nonce, long eventId, long registrationId, String listKey, @Nullable Long sessionId,
                          Instant scannedAt, Instant recordedAt, String scanner, boolean offline, String digest) {
        return jdbc.prepareStatement(ENTER, (PreparedStatement statement) -> {
            OffsetDateTime at = utc(scannedAt);
            statement.setLong(1, registrationId);
            statement.setString(2, listKey);
            statement.setLong(3, registrationId);
            statement.setString(4, listKey);
            statement.setObject(5, at);
            statement.setObject(6, at);
            statement.setString(7, nonce);
            bindScan(statement, 8, nonce, eventId, registrationId, listKey, sessionId);
            statement.setObject(13, at);
            statement.setObject(14, utc(recordedAt));
            statement.setString(15, scanner);
            statement.setBoolean(16, offline);
            statement.setString(17, digest);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                OffsetDateTime first = row.getObject(2, OffsetDateTime.class);
                return Optional.of(new Entry(Outcome.ofCode(row.getString(1)), first == null ? null : first.toInstant()));
            }
        });
    }

    /** Lets the person out and records the scan; false when the nonce was recorded before (nothing written). */
    boolean leave(String nonce, long eventId, long registrationId, String listKey, @Nullable Long sessionId,
                  @Nullable Instant firstCheckinAt, Instant scannedAt, Instant recordedAt, String scanner,
                  boolean offline, String digest) {
        return jdbc.prepareStatement(LEAVE, (PreparedStatement statement) -> {
            statement.setLong(1, registrationId);
            statement.setString(2, listKey);
            statement.setObject(3, utc(scannedAt));
            statement.setLong(4, registrationId);
            statement.setString(5, listKey);
            statement.setString(6, nonce);
            bindScan(statement, 7, nonce, eventId, registrationId, listKey, sessionId);
            statement.setObject(12, utc(firstCheckinAt), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(13, utc(scannedAt));
            statement.setObject(14, utc(recordedAt));
            statement.setString(15, scanner);
            statement.setBoolean(16, offline);
            statement.setString(17, digest);
            return statement.executeUpdate() == 1;
        });
    }

    /** nonce, event, registration, list, session from parameter {@code from} on. */
    private static void bindScan(PreparedStatement statement, int from, String nonce, long eventId, long registrationId,
                                 String listKey, @Nullable Long sessionId) throws SQLException {
        statement.setString(from, nonce);
        statement.setLong(from + 1, eventId);
        statement.setLong(from + 2, registrationId);
        statement.setString(from + 3, listKey);
        if (sessionId == null) {
            statement.setNull(from + 4, Types.BIGINT);
        } else {
            statement.setLong(from + 4, sessionId);
        }
    }

}
