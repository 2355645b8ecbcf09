package fr.cuf.rencontres.csvio;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value choices staff made on earlier imports, per import kind and field (table
 * {@code import_value_mapping}): read on every preview, written when a commit succeeds, in its transaction.
 */
@Singleton
class ValueMappingRepository {

    private final JdbcOperations jdbc;
    private final Clock clock;

    ValueMappingRepository(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    ValueChoices stored(ImportKind kind, ImportField field) {
        Map<String, ValueChoices.Choice> map = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT source_key, source, target FROM import_value_mapping "
                + "WHERE import_kind = ? AND field = ? ORDER BY source_key", (PreparedStatement s) -> {
            s.setString(1, kind.path());
            s.setString(2, field.key());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), new ValueChoices.Choice(rs.getString(2), rs.getString(3)));
                }
            }
            return map;
        });
        return ValueChoices.of(map);
    }

    /** Remembers the choices (a later choice for the same value replaces the earlier one), in the caller's transaction. */
    @Transactional
    void remember(ImportKind kind, ImportField field, ValueChoices choices, String actor) {
        if (choices.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, ValueChoices.Choice> e : choices.byKey().entrySet()) {
            jdbc.prepareStatement("DELETE FROM import_value_mapping WHERE import_kind = ? AND field = ? AND source_key = ?",
                    (PreparedStatement delete) -> {
                        delete.setString(1, kind.path());
                        delete.setString(2, field.key());
                        delete.setString(3, e.getKey());
                        return delete.executeUpdate();
                    });
            jdbc.prepareStatement("INSERT INTO import_value_mapping (import_kind, field, source_key, source, target, "
                    + "chosen_by, chosen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", (PreparedStatement insert) -> {
                insert.setString(1, kind.path());
                insert.setString(2, field.key());
                insert.setString(3, e.getKey());
                insert.setString(4, truncate(e.getValue().source()));
                insert.setString(5, e.getValue().target());
                insert.setString(6, actor);
                insert.setTimestamp(7, now);
                return insert.executeUpdate();
            });
        }
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
