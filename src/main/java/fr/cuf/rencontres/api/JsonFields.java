package fr.cuf.rencontres.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON property a decoding error is about. Micronaut Serde reports it only in its message
 * ("Error decoding property [Integer attendanceDay] of type …"), nested when the property is inside an
 * object or a list; the innermost one is the field the client must fix.
 */
final class JsonFields {

    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[^\\]]*\\s)?([A-Za-z_][A-Za-z0-9_]*)\\]");

    private JsonFields() {
    }

    static Optional<String> offending(Throwable error) {
        String path = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
            while (m.find()) {
                path = path == null ? m.group(1) : path.endsWith("." + m.group(1)) || path.equals(m.group(1))
                        ? path : path + "." + m.group(1);
            }
        }
        return Optional.ofNullable(path);
    }
}
