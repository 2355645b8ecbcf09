package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.Countries;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;

/** Reading the values people type in spreadsheets: yes/no in two languages, lists of years, country names. */
final class Cells {

    private static final Map<String, String> COUNTRIES = countries();
    private static final java.util.regex.Pattern YEAR_SEPARATORS = java.util.regex.Pattern.compile("[\\s,;|/+]+");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    private Cells() {
    }

    /**
     * The cell trimmed, or null when empty. A leading apostrophe added by {@link CsvWriter} against
     * formula injection is removed again, so an export imports back unchanged.
     */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && CsvWriter.isFormulaStart(value.charAt(1))) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    /** oui/non, yes/no, x, 1/0, vrai/faux, true/false; anything else is empty. */
    static Optional<Boolean> yesNo(String value) {
        return switch (HeaderNames.key(value)) {
            case "oui", "o", "yes", "y", "x", "1", "vrai", "true", "elu", "elue", "elected" -> Optional.of(true);
            case "non", "n", "no", "0", "faux", "false", "" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** "2025, 2026", "2025 | 2026", "2025/2026": the years, or empty when one part is not a year. */
    static Optional<SortedSet<Integer>> years(String value) {
        SortedSet<Integer> years = new TreeSet<>();
        if (value == null) {
            return Optional.of(years);
        }
        for (String part : YEAR_SEPARATORS.split(value)) {
            if (part.isEmpty()) {
                continue;
            }
            if (!YEAR.matcher(part).matches()) {
                return Optional.empty();
            }
            years.add(Integer.parseInt(part));
        }
        return Optional.of(years);
    }

    /** An ISO code ("FR", "fra") or a country's name in French or English ("Sénégal", "Japan"). */
    static Optional<String> country(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && Countries.isValid(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(COUNTRIES.get(HeaderNames.key(value)));
    }

    private static Map<String, String> countries() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(HeaderNames.key(country.getDisplayCountry(Locale.FRENCH)), code);
            names.put(HeaderNames.key(country.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                names.put(HeaderNames.key(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException none) {
                // no three-letter code for this one
            }
        }
        names.put("usa", "US");
        names.put("etatsunisdamerique", "US");
        names.put("royaumeuni", "GB");
        names.put("coreedusud", "KR");
        names.put("republiquedecoree", "KR");
        return Map.copyOf(names);
    }
}
