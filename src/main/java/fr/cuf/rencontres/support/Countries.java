package fr.cuf.rencontres.support;

import java.util.Locale;
import java.util.Set;

/** ISO 3166 alpha-2 country codes and their names in the reader's language. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    public static String name(String code, Locale locale) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(Languages.supported(locale));
    }
}
