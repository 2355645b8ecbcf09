package fr.cuf.rencontres.checkin;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import static fr.cuf.rencontres.support.Times.utc;

/**
 * PostgreSQL: an admitted entry or exit is one statement that writes the presence and records the scan, so it
 * runs without a transaction of its own (autocommit: the facts read, then this; two round trips, one commit). The
 * presence is written only if the nonce was not recorded before, and an entry only while the person is outside
 * (an upsert on the presence's primary key settles two scanners at once without locking the registration); the
 * scan is recorded only if the presence was. Plain JDBC: Micronaut Data does not map the result of a
 * data-modifying {@code WITH}.
 */
@Singleton
final class ScanWrites implements ScanWriter {

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
                RETURNING 1),
            recorded AS (
                INSERT INTO checkin_scan (nonce, event_id, registration_id, list_key, session_id, direction, outcome,
                                          first_checkin_at, scanned_at, recorded_at, scanner, offline, request_digest)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM entered
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT COUNT(*) FROM recorded""";

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
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcOperations jdbc;

    ScanWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link Write#STALE} when the person was let in since the facts were read, or the nonce was recorded. */
    @Override
    public Write enter(Admitted scan) {
        return jdbc.prepareStatement(ENTER, (PreparedStatement statement) -> {
            statement.setLong(1, scan.registrationId());
            statement.setString(2, scan.listKey());
            statement.setLong(3, scan.registrationId());
            statement.setString(4, scan.listKey());
            statement.setObject(5, utc(scan.scannedAt()));
            statement.setObject(6, utc(scan.scannedAt()));
            statement.setString(7, scan.nonce());
            bindScan(statement, 8, scan);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1) == 1 ? Write.RECORDED : Write.STALE;
            }
        });
    }

    /** {@link Write#STALE} when the nonce was recorded (since the facts were read). */
    @Override
    public Write leave(Admitted scan) {
        return jdbc.prepareStatement(LEAVE, (PreparedStatement statement) -> {
            statement.setLong(1, scan.registrationId());
            statement.setString(2, scan.listKey());
            statement.setObject(3, utc(scan.scannedAt()));
            statement.setLong(4, scan.registrationId());
            statement.setString(5, scan.listKey());
            statement.setString(6, scan.nonce());
            bindScan(statement, 7, scan);
            return statement.executeUpdate() == 1 ? Write.RECORDED : Write.STALE;
        });
    }

    @Override
    public boolean transactional() {
        return false;
    }

    /** The thirteen columns of the scan's row, from parameter {@code from} on. */
    private static void bindScan(PreparedStatement statement, int from, Admitted scan) throws SQLException {
        statement.setString(from, scan.nonce());
        statement.setLong(from + 1, scan.eventId());
        statement.setLong(from + 2, scan.registrationId());
        statement.setString(from + 3, scan.listKey());
        if (scan.sessionId() == null) {
            statement.setNull(from + 4, Types.BIGINT);
        } else {
            statement.setLong(from + 4, scan.sessionId());
        }
        statement.setString(from + 5, scan.mode().name());
        statement.setString(from + 6, Outcome.OK.code());
        statement.setObject(from + 7, utc(scan.firstCheckinAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(from + 8, utc(scan.scannedAt()));
        statement.setObject(from + 9, utc(scan.recordedAt()));
        statement.setString(from + 10, scan.scanner());
        statement.setBoolean(from + 11, scan.offline());
        statement.setString(from + 12, scan.digest());
    }

}
