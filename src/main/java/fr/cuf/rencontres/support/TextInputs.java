package fr.cuf.rencontres.support;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * The one rule for text that comes from outside: no control characters. Tab, line feed and carriage return are
 * text (text areas, CSV cells); NUL and the other C0 controls, DEL and the C1 controls are not: PostgreSQL refuses
 * NUL in text (a 500 before this rule), and the others corrupt pages, mails and CSV files. Applied once, at the
 * edge (web.TextInputFilter), to every query parameter, path, form field and JSON string of a request.
 * <p>
 * Names also lose their bidirectional controls (U+202A–U+202E, U+2066–U+2069): a right-to-left override in a
 * name reorders what follows it on badges, pages and CSV exports.
 */
public final class TextInputs {

    public static final String CODE = "control_character";

    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private TextInputs() {
    }

    /** Whether {@code c} is a control character refused in any text input. */
    public static boolean refused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Whether {@code text} holds a refused control character. */
    public static boolean hasControl(@Nullable CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A name without its bidirectional controls (null stays null). */
    @Nullable
    public static String name(@Nullable String name) {
        return name == null ? null : BIDI.matcher(name).replaceAll("");
    }
}
