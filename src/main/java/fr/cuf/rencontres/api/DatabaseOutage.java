package fr.cuf.rencontres.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether an exception means "the database cannot be reached right now" rather than a bug: the pool timed out
 * waiting for a connection (PostgreSQL restarting), a connection broke (SQLSTATE class 08), or the server is
 * shutting down or starting (57P01–57P03), or the request's connection is one the pool already evicted as broken
 * (Hikari closes its proxy, whose every call then throws "Connection is closed" without a SQLSTATE: resetting the
 * connection after a statement cut by a PostgreSQL restart ends the request with that one, not with the 57P01).
 * Any of them anywhere in the cause chain or among suppressed exceptions. Such a request may succeed a few seconds
 * later: the client gets 503 with Retry-After, not a 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** The class of the proxy Hikari puts in place of a connection it closed. */
    private static final String EVICTED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    static boolean causedBy(Throwable error) {
        return causedBy(error, 0);
    }

    private static boolean causedBy(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException && evictedConnection(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean evictedConnection(Throwable sql) {
        StackTraceElement[] frames = sql.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(EVICTED_CONNECTION);
    }
}
