package fr.cuf.rencontres.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which database this test pass runs on, and cleaning it between tests. */
public final class TestDatabase {

    private static volatile Optional<String> postgresProblem;

    private TestDatabase() {
    }

    public static boolean isPostgresPass() {
        return "postgres".equals(System.getenv("RENCONTRES_TEST_DB"));
    }

    public static String url() {
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        return url != null ? url : "jdbc:h2:mem:rencontres";
    }

    /** Why PostgreSQL cannot be used, or empty when it answers. Checked once per run. */
    static synchronized Optional<String> postgresProblem() {
        if (postgresProblem == null) {
            try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
                postgresProblem = Optional.empty();
            } catch (SQLException e) {
                postgresProblem = Optional.of("no server reachable at " + url() + " (" + e.getMessage() + ")");
                System.err.println("""

                        ******************************************************************
                        PostgreSQL pass SKIPPED: %s
                        Start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start
                        ******************************************************************
                        """.formatted(postgresProblem.get()));
            }
        }
        return postgresProblem;
    }

    /**
     * Empties every table of the schema but Flyway's history, whatever the features that created them:
     * PostgreSQL truncates them together (CASCADE), H2 deletes with its referential checks suspended. Identities
     * continue, as in production: an id is never reused (caches keyed by id, such as badge keys, rely on it).
     */
    public static void clean(DataSource dataSource) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase("flyway_schema_history") && !table.equalsIgnoreCase("app_secret")) {
                        tables.add(table);
                    }
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            if (isPostgresPass()) {
                s.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CONTINUE IDENTITY CASCADE");
            } else {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
                try {
                    for (String table : tables) {
                        s.execute("DELETE FROM " + table);
                    }
                } finally {
                    s.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }
}
