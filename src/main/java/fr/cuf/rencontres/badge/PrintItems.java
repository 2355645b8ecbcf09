package fr.cuf.rencontres.badge;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.util.List;

/** Which badge versions a print run held, written as one JDBC batch (600 rows: one round trip, not 600). */
@Singleton
class PrintItems {

    private final JdbcOperations jdbc;

    PrintItems(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the caller's transaction (the print run's). */
    void insert(long runId, List<BadgeRow> rows) {
        jdbc.prepareStatement("INSERT INTO badge_print_item (print_run_id, registration_id, badge_version) VALUES (?, ?, ?)",
                (PreparedStatement statement) -> {
                    for (BadgeRow row : rows) {
                        statement.setLong(1, runId);
                        statement.setLong(2, row.registrationId());
                        statement.setInt(3, row.badgeVersion());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }
}
