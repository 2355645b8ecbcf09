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
 * Plain JDBC on the hot path: mapping the row by hand costs a fraction of a generic mapper's per-call work.
 */
@Singleton
class ScanFactsQuery {

    private static final String SQL = """
            SELECT r.id, r.event_id, e.slug, r.status, r.participant_type, r.badge_version, p.first_name, p.last_name,
                   COALESCE(r.organisation_id, p.organisation_id),
                   e.starts_at, e.ends_at, e.members_only,
                   s.id, s.event_id, s.starts_at, s.members_only,
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.status <> 'CANCELLED'),
                   EXISTS (SELECT 1 FROM registration_session x
                            WHERE x.session_id = s.id AND x.registration_id = r.id AND x.status <> 'CANCELLED'),
                   c.inside, c.first_entry_at, d.attendance_day,
                   EXISTS (SELECT 1 FROM checkin_scan n WHERE n.nonce = ?)
              FROM registration r
              JOIN person p ON p.id = r.person_id
              JOIN event e ON e.id = r.event_id
              LEFT JOIN registration_detail d ON d.registration_id = r.id
              LEFT JOIN event_session s ON s.id = ?
              LEFT JOIN checkin_presence c ON c.registration_id = r.id AND c.list_key = ?
             WHERE r.id = ?""";

    private final JdbcOperations jdbc;

    ScanFactsQuery(JdbcOperations jdbc) {
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
        return new ScanFacts(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getInt(6), row.getString(7), row.getString(8), row.getObject(9, Long.class),
                instant(row, 10), instant(row, 11), row.getBoolean(12),
                row.getObject(13, Long.class), row.getObject(14, Long.class), instant(row, 15),
                row.getObject(16, Boolean.class), row.getBoolean(17), row.getBoolean(18),
                row.getObject(19, Boolean.class), instant(row, 20), row.getObject(21, Integer.class),
                row.getBoolean(22));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
