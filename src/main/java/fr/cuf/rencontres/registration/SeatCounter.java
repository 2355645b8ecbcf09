package fr.cuf.rencontres.registration;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * On H2, keeps {@code event_session.taken} equal to the session's {@code CONFIRMED} choices: fired after every insert,
 * update and delete of a {@code registration_session} row (migration h2/V191). PostgreSQL runs the same rule in
 * PL/pgSQL (postgres/V191). Whatever writes a choice, the counter follows, so {@link CapacityGuard} reads seats
 * from one row.
 */
public class SeatCounter implements Trigger {

    private int session = -1;
    private int status = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                if (name.equals("session_id")) {
                    session = index;
                } else if (name.equals("status")) {
                    status = index;
                }
            }
        }
        if (session < 0 || status < 0) {
            throw new SQLException("registration_session has no session_id or status column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        Object from = held(before);
        Object to = held(after);
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            add(connection, from, -1);
        }
        if (to != null) {
            add(connection, to, 1);
        }
    }

    /** The session whose seat this row holds, or null when it holds none. */
    private Object held(Object[] row) {
        return row != null && Seats.HELD.equals(row[status]) ? row[session] : null;
    }

    private static void add(Connection connection, Object sessionId, int delta) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("UPDATE event_session SET taken = taken + ? WHERE id = ?")) {
            s.setInt(1, delta);
            s.setObject(2, sessionId);
            s.executeUpdate();
        }
    }
}
