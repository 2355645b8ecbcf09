package fr.cuf.rencontres.support;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from French titles: "Point Sénégal — 2026" becomes "point-senegal-2026". */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 150 ? slug.substring(0, 150).replaceAll("-+$", "") : slug;
    }
}
