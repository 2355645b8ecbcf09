package fr.cuf.rencontres.csvio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison key of an organisation's name: accents, case, punctuation and spacing ignored, and the
 * "Ville de" / "Commune de" / "Mairie de" prefix dropped, so "Ville de Dijon" matches "DIJON" and
 * "Ville du Havre" matches "Le Havre". The prefix must be followed by a space or an apostrophe:
 * "Ville-d'Avray" and "Villeurbanne" are town names, not prefixes, and are kept whole.
 */
public final class OrganisationNames {

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:ville|commune|mairie)\\s+(de\\s+la\\s+|de\\s+l['’]\\s*|de\\s+|du\\s+|des\\s+|d['’]\\s*)(\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private OrganisationNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String rest = name.strip();
        Matcher m = PREFIX.matcher(rest);
        if (m.matches()) {
            String article = HeaderNames.words(m.group(1));
            String replacement = switch (article) {
                case "de la" -> "la ";
                case "de l" -> "l ";
                case "du" -> "le ";
                case "des" -> "les ";
                default -> "";
            };
            rest = replacement + m.group(2);
        }
        return HeaderNames.words(rest);
    }
}
