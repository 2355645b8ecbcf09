package fr.cuf.rencontres.registration;

import javax.sql.DataSource;

/** Reads for tests of other packages (pages), straight from the database. */
public final class TestQueries {

    private TestQueries() {
    }

    public static long organisationOf(DataSource dataSource, long registrationId) {
        return TestSql.count(dataSource, "SELECT organisation_id FROM registration WHERE id = " + registrationId);
    }
}
