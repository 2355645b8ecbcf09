package fr.cuf.rencontres.config;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that an earlier release migrated must upgrade at the next start: every new migration needs a
 * version above the highest one already released (Flyway refuses a lower one as "not applied", out of order).
 * When a release ships, raise {@link #RELEASED} to its highest migration.
 */
class MigrationUpgradeTest {

    /** Highest migration of the first release (issues 2–7 of the first session). */
    static final String RELEASED = "50";

    @Test
    void a_database_of_the_previous_release_upgrades_to_the_current_migrations() {
        String url = "jdbc:h2:mem:upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        flyway(url).target(RELEASED).load().migrate();

        var upgrade = flyway(url).load();
        upgrade.migrate();

        MigrationInfo[] all = upgrade.info().all();
        assertTrue(Arrays.stream(all).allMatch(m -> m.getState().isApplied()),
                () -> "every migration applied: " + Arrays.stream(all)
                        .map(m -> m.getVersion() + " " + m.getState()).toList());
        assertEquals(upgrade.info().current().getVersion(), all[all.length - 1].getVersion());
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
    }
}
