package fr.cuf.rencontres.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL pass starts from an empty schema, so that every run migrates from nothing
 * (the migration test) and no data of an earlier run leaks into this one.
 */
public class FreshPostgresSchema implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!TestDatabase.isPostgresPass()) {
            return;
        }
        createDatabaseIfMissing();
        if (TestDatabase.postgresProblem().isPresent()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the PostgreSQL test schema", e);
        }
    }

    /** Lets each checkout use its own database (-Dtest.pg.url=…/name) without a manual createdb. */
    private static void createDatabaseIfMissing() {
        String url = TestDatabase.url();
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1).replaceAll("[?].*$", "");
        if (!name.matches("[a-z0-9_]+")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url.substring(0, slash) + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException unreachable) {
            // reported by PostgresCondition, which skips the pass visibly
        }
    }
}
