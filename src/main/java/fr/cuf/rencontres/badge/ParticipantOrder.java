package fr.cuf.rencontres.badge;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The order of the participant list: last name, then first name, as a French reader sorts them
 * (accents and case second: "Élise" next to "Elise"), whatever the database's collation. A leading
 * particle "de" or "d'" is not sorted on, as in French directories: "de La Tour" under L (La Tour),
 * "d'Estaing" under E; "Du Bellay", "Le Pen", "La Fontaine" keep their article (D, L, L).
 * Badge batches and attendance sheets share it.
 */
public final class ParticipantOrder {

    private ParticipantOrder() {
    }

    private static final Pattern PARTICLE = Pattern.compile("^(?:de\\s+|d['’]\\s*)(?=\\S)");

    public static <T> Comparator<T> byName(Function<T, String> lastName, Function<T, String> firstName) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.TERTIARY);
        Comparator<String> french = (a, b) -> collator.compare(a == null ? "" : a, b == null ? "" : b);
        return Comparator.comparing((T t) -> sortKey(lastName.apply(t)), french)
                .thenComparing(lastName, french).thenComparing(firstName, french);
    }

    /** The last name as it is sorted: without a leading lowercase "de " or "d'" (a capital "De" is part of the name). */
    static String sortKey(String lastName) {
        return lastName == null ? "" : PARTICLE.matcher(lastName.strip()).replaceFirst("");
    }
}
