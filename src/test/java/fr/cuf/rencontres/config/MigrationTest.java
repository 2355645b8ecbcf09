package fr.cuf.rencontres.config;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL pass starts from an empty schema (FreshPostgresSchema), so this proves that every
 * migration applies from nothing, with the vendor folder of the database in use.
 */
@DatabaseTest
class MigrationTest {

    @Inject DataSource dataSource;

    @Test
    void every_migration_applied_successfully_including_the_vendor_ones() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version, script, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean("success"), rs.getString("script"));
                applied.add(rs.getString("script"));
            }
        }
        assertTrue(applied.contains("V1__create_domain.sql"), applied.toString());
        assertTrue(applied.contains("V2__create_search_indexes.sql"), applied.toString());
        assertFalse(applied.isEmpty());
        String vendor = TestDatabase.isPostgresPass() ? "ix_event_published_start" : "ix_event_status_start";
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(null, null, "event", false, false)) {
            boolean found = false;
            while (rs.next()) {
                found |= vendor.equalsIgnoreCase(rs.getString("INDEX_NAME"));
            }
            assertTrue(found, "vendor index " + vendor);
        }
    }
}
