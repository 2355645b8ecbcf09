package fr.cuf.rencontres.support;

import java.util.List;
import java.util.Locale;

/**
 * The one locale rule of the site, its mails and its feeds: French unless English is chosen or asked for.
 * Requests get it through {@code web.SupportedLocales}; a mail or a feed applies it to the language it stores.
 */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private Languages() {
    }

    /** French unless the locale asks for English. */
    public static Locale supported(Locale locale) {
        return english(locale) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The locale of a stored or typed language code ("en", "fr", null…), by the same rule. */
    public static Locale of(String language) {
        return supported(language == null ? null : Locale.forLanguageTag(language));
    }

    /** Whether English is asked for (else French is spoken). */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
