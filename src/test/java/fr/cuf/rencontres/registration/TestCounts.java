package fr.cuf.rencontres.registration;

import javax.sql.DataSource;

/** Counts for tests of other packages. */
public final class TestCounts {

    private TestCounts() {
    }

    public static long registrations(DataSource dataSource) {
        return TestSql.count(dataSource, "SELECT COUNT(*) FROM registration");
    }
}
