package fr.cuf.rencontres.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC for the privacy feature, inside the caller's transaction: its statements touch the rows of many
 * features at once (an erasure crosses registrations, answers, tokens, the outbox), which no repository maps.
 * Rows come back as ordered maps with lower-case column names; timestamps as {@link Instant} on both databases.
 */
@Singleton
class PrivacyRepository {

    private final JdbcOperations jdbc;

    PrivacyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            bind(s, params);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value(rs, i, meta.getColumnType(i)));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    long count(String sql, Object... params) {
        Object first = rows(sql, params).get(0).values().iterator().next();
        return first == null ? 0 : ((Number) first).longValue();
    }

    List<Long> ids(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> ((Number) r.values().iterator().next()).longValue()).toList();
    }

    int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            bind(s, params);
            return s.executeUpdate();
        });
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                s.setObject(i + 1, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        Object v = rs.getObject(i);
        if (v instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }
}
