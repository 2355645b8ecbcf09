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

/**
 * The one read of a scan: everything the door's rules need ({@link ScanFacts}), in the caller's connection.
 * Plain JDBC on the hot path: each column is named after the field of {@link ScanFacts} it fills and read by that
 * name, by hand (a generic mapper's per-call work costs more than the mapping itself).
 */
@Singleton
class ScanFactsRepository {

    private static final String SQL = """
            SELECT r.id AS registration_id, r.event_id, e.slug AS event_slug, r.status, r.participant_type,
                   r.badge_version, p.first_name, p.last_name,
                   COALESCE(r.organisation_id, p.organisation_id) AS organisation_id,
                   e.starts_at AS event_starts_at, e.ends_at AS event_ends_at, e.members_only AS event_members_only,
                   s.id AS session_id, s.event_id AS session_event_id, s.starts_at AS session_starts_at,
                   s.members_only AS session_members_only,
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.status <> 'CANCELLED') AS session_has_sign_ups,
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.registration_id = r.id AND x.status <> 'CANCELLED')
                       AS signed_up,
                   c.inside, c.first_entry_at, d.attendance_day,
                   EXISTS (SELECT 1 FROM checkin_scan n WHERE n.nonce = ?) AS nonce_seen
              FROM registration r
              JOIN person p ON p.id = r.person_id
              JOIN event e ON e.id = r.event_id
              LEFT JOIN registration_detail d ON d.registration_id = r.id
              LEFT JOIN event_session s ON s.id = ?
              LEFT JOIN checkin_presence c ON c.registration_id = r.id AND c.list_key = ?
             WHERE r.id = ?""";

    private final JdbcOperations jdbc;

    ScanFactsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScanFacts> find(long registrationId, @Nullable Long sessionId, String listKey, String nonce) {
        return jdbc.prepareStatement(SQL, (PreparedStatement statement) -> {
            statement.setString(1, nonce);
            if (sessionId == null) {
                statement.setNull(2, Types.BIGINT);
            } else {
                statement.setLong(2, sessionId);
            }
            statement.setString(3, listKey);
            statement.setLong(4, registrationId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(facts(row)) : Optional.empty();
            }
        });
    }

    private static ScanFacts facts(ResultSet row) throws SQLException {
        return new ScanFacts(
                row.getLong("registration_id"),
                row.getLong("event_id"),
                row.getString("event_slug"),
                row.getString("status"),
                row.getString("participant_type"),
                row.getInt("badge_version"),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getObject("organisation_id", Long.class),
                instant(row, "event_starts_at"),
                instant(row, "event_ends_at"),
                row.getBoolean("event_members_only"),
                row.getObject("session_id", Long.class),
                row.getObject("session_event_id", Long.class),
                instant(row, "session_starts_at"),
                row.getObject("session_members_only", Boolean.class),
                row.getBoolean("session_has_sign_ups"),
                row.getBoolean("signed_up"),
                row.getObject("inside", Boolean.class),
                instant(row, "first_entry_at"),
                row.getObject("attendance_day", Integer.class),
                row.getBoolean("nonce_seen"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
