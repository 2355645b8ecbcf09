package fr.cuf.rencontres.audit;

import fr.cuf.rencontres.support.AuditEntry;
import fr.cuf.rencontres.support.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit log with filters, newest first. There is no way to change or delete an entry: the log is written
 * by {@code support.AuditLog} in the transaction of each change and only read here.
 */
@Singleton
public class AuditRepository {

    public static final int MAX_EXPORT = 50_000;

    private final JdbcOperations jdbc;

    AuditRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<AuditEntry> find(AuditFilter filter, int limit, int offset) {
        Where where = where(filter);
        String sql = "SELECT id, occurred_at, actor, action, entity_type, entity_id, detail, old_value, new_value "
                + "FROM audit_entry a" + where.sql + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            int i = where.bind(s);
            s.setInt(i++, limit);
            s.setInt(i, offset);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        });
    }

    @Transactional
    public long count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.prepareStatement("SELECT COUNT(*) FROM audit_entry a" + where.sql, (PreparedStatement s) -> {
            where.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The actions and staff accounts found in the log, for the filters' choices. */
    @Transactional
    public List<String> distinct(String column) {
        if (!column.equals("action") && !column.equals("actor")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.prepareStatement("SELECT DISTINCT " + column + " FROM audit_entry ORDER BY " + column,
                (PreparedStatement s) -> {
                    List<String> out = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
    }

    private record Where(String sql, List<Object> params) {
        int bind(PreparedStatement s) throws SQLException {
            int i = 1;
            for (Object p : params) {
                if (p instanceof Instant instant) {
                    s.setObject(i++, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setObject(i++, p);
                }
            }
            return i;
        }
    }

    private static Where where(AuditFilter f) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.eventId() != null) {
            parts.add("""
                    ((a.entity_type = 'event' AND a.entity_id = ?)
                     OR (a.entity_type = 'registration' AND a.entity_id IN (SELECT id FROM registration WHERE event_id = ?))
                     OR (a.entity_type = 'session' AND a.entity_id IN (SELECT id FROM event_session WHERE event_id = ?))
                     OR (a.entity_type = 'invoice' AND a.entity_id IN (SELECT id FROM invoice WHERE event_id = ?)))""");
            for (int i = 0; i < 4; i++) {
                params.add(f.eventId());
            }
        }
        if (f.personId() != null) {
            parts.add("""
                    ((a.entity_type = 'person' AND a.entity_id = ?)
                     OR (a.entity_type = 'registration' AND a.entity_id IN (SELECT id FROM registration WHERE person_id = ?)))""");
            params.add(f.personId());
            params.add(f.personId());
        }
        if (f.actor() != null) {
            parts.add("a.actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            parts.add("a.action = ?");
            params.add(f.action());
        }
        if (f.from() != null) {
            parts.add("a.occurred_at >= ?");
            params.add(Times.fromParis(f.from().atStartOfDay()));
        }
        if (f.to() != null) {
            parts.add("a.occurred_at < ?");
            params.add(Times.fromParis(f.to().plusDays(1).atStartOfDay()));
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }
}
