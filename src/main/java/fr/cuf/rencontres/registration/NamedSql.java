package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.cuf.rencontres.support.Times.utc;

/**
 * Plain-JDBC SQL written with {@code :name} parameters (as Micronaut Data's {@code @Query}) for statements Micronaut
 * Data does not map, such as a data-modifying {@code WITH}: parsed once into {@code ?} positions; a name may appear
 * several times; {@link Binding#check} refuses a statement with a parameter left unbound. {@code ::type} casts
 * and quoted text are left alone.
 */
final class NamedSql {

    private final String sql;
    private final Map<String, List<Integer>> positions;
    private final int count;

    private NamedSql(String sql, Map<String, List<Integer>> positions, int count) {
        this.sql = sql;
        this.positions = positions;
        this.count = count;
    }

    static NamedSql of(String named) {
        StringBuilder sql = new StringBuilder(named.length());
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < named.length(); i++) {
            char c = named.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
                sql.append("::");
                i++;
                continue;
            } else if (!quoted && c == ':' && i + 1 < named.length()
                    && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                positions.computeIfAbsent(named.substring(i + 1, end), k -> new ArrayList<>()).add(++count);
                sql.append('?');
                i = end - 1;
                continue;
            }
            sql.append(c);
        }
        return new NamedSql(sql.toString(), positions, count);
    }

    /** The SQL with {@code ?} placeholders, for {@code prepareStatement}. */
    String sql() {
        return sql;
    }

    Binding bind(PreparedStatement statement) {
        return new Binding(statement);
    }

    /** Sets parameters by name on one prepared statement. */
    final class Binding {

        private final PreparedStatement statement;
        private final BitSet bound = new BitSet();

        private Binding(PreparedStatement statement) {
            this.statement = statement;
        }

        Binding set(String name, @Nullable Long value) throws SQLException {
            for (int p : at(name)) {
                if (value == null) {
                    statement.setNull(p, Types.BIGINT);
                } else {
                    statement.setLong(p, value);
                }
            }
            return this;
        }

        Binding set(String name, @Nullable Integer value) throws SQLException {
            for (int p : at(name)) {
                if (value == null) {
                    statement.setNull(p, Types.INTEGER);
                } else {
                    statement.setInt(p, value);
                }
            }
            return this;
        }

        Binding set(String name, @Nullable String value) throws SQLException {
            for (int p : at(name)) {
                statement.setString(p, value);
            }
            return this;
        }

        Binding set(String name, boolean value) throws SQLException {
            for (int p : at(name)) {
                statement.setBoolean(p, value);
            }
            return this;
        }

        Binding set(String name, @Nullable Instant value) throws SQLException {
            for (int p : at(name)) {
                statement.setObject(p, value == null ? null : utc(value), Types.TIMESTAMP_WITH_TIMEZONE);
            }
            return this;
        }

        Binding set(String name, Array value) throws SQLException {
            for (int p : at(name)) {
                statement.setArray(p, value);
            }
            return this;
        }

        /** The statement, once every parameter has a value. */
        PreparedStatement check() {
            if (bound.cardinality() != count) {
                List<String> missing = positions.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(p -> !bound.get(p))).map(Map.Entry::getKey).toList();
                throw new IllegalStateException("SQL parameters without a value: " + missing);
            }
            return statement;
        }

        private List<Integer> at(String name) {
            List<Integer> at = positions.get(name);
            if (at == null) {
                throw new IllegalArgumentException("no parameter :" + name);
            }
            at.forEach(bound::set);
            return at;
        }
    }
}
