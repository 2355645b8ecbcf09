package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding for a search typed at the door: no accents, no case, apostrophes and hyphens as spaces (N'Diaye,
 * Saint-Étienne). The scanning page folds the same way offline (scan.js, {@code fold}).
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s'’‘`\\-‐–—.,]+");

    private SearchText() {
    }

    static String fold(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        return SEPARATORS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static List<String> words(@Nullable String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * Every word is found in one of the fields (a part of a word is enough), also across the fields' spaces:
     * "ndiaye" finds N'Diaye, "saintlouis" Saint-Louis.
     */
    static boolean matches(List<String> words, String... fields) {
        String haystack = " " + String.join(" ", Arrays.stream(fields).map(SearchText::fold).toList()) + " ";
        String compact = haystack.replace(" ", "");
        return words.stream().allMatch(word -> haystack.contains(word) || compact.contains(word));
    }
}
