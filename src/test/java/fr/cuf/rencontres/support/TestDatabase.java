package fr.cuf.rencontres.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** Which database this test pass runs on, and cleaning it between tests. */
public final class TestDatabase {

    /** Every table, children before parents, for cleaning. Features add theirs at the front. */
    private static final List<String> TABLES = List.of(
            "checkin_scan", "badge_print_item", "badge_print_run", "badge_signing_key",
            "audit_entry", "registration_session", "registration", "session_group", "session_speaker", "event_session", "event", "room", "venue",
            "working_group", "membership", "person", "organisation", "staff_account");

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

    /** Empties every table of the domain (in an order the foreign keys accept). */
    public static void clean(DataSource dataSource) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }
}
