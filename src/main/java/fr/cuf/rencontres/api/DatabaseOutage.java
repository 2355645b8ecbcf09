package fr.cuf.rencontres.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether an exception means "the database cannot be reached right now" rather than a bug: the pool timed out
 * waiting for a connection (PostgreSQL restarting), a connection broke (SQLSTATE class 08), or the server is
 * shutting down or starting (57P01–57P03). Any of them anywhere in the cause chain. Such a request may succeed a
 * few seconds later: the client gets 503 with Retry-After, not a 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
