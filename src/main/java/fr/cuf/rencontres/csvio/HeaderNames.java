package fr.cuf.rencontres.csvio;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of header names and free text for comparison: "Année d'adhésion" and "ANNEE D ADHESION" agree. */
public final class HeaderNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern NOT_ALNUM_RUN = Pattern.compile("[^a-z0-9]+");

    private HeaderNames() {
    }

    /** Accents, case, spaces and punctuation removed: "Élu(e)" becomes "elue". */
    public static String key(String text) {
        return text == null ? "" : NOT_ALNUM.matcher(fold(text)).replaceAll("");
    }

    /** Accents and case removed, punctuation turned into single spaces: "Aix-en-Provence" becomes "aix en provence". */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        return NOT_ALNUM_RUN.matcher(fold(text)).replaceAll(" ").strip();
    }

    private static String fold(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return ascii.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }
}
