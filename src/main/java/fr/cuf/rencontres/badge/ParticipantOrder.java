package fr.cuf.rencontres.badge;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The order of the participant list: last name, then first name, as a French reader sorts them
 * (accents and case second: "Élise" next to "Elise", "de La Rochefoucauld" under D), whatever the
 * database's collation. Badge batches and attendance sheets share it.
 */
public final class ParticipantOrder {

    private ParticipantOrder() {
    }

    public static <T> Comparator<T> byName(Function<T, String> lastName, Function<T, String> firstName) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.TERTIARY);
        Comparator<String> french = (a, b) -> collator.compare(a == null ? "" : a, b == null ? "" : b);
        return Comparator.comparing(lastName, french).thenComparing(firstName, french);
    }
}
