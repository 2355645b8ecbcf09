package fr.cuf.rencontres.support;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the site and of every refusal code, French first, English second.
 * Each feature keeps its own bundle under {@code i18n/}; a key is looked up in each in turn.
 */
@Singleton
public class Messages {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private static final List<String> BUNDLES = List.of(
            "i18n.messages",
            "i18n.errors",
            "i18n.csvio",
            "i18n.calendar",
            "i18n.api",
            "i18n.staff",
            "i18n.registration",
            "i18n.schedule",
            "i18n.badges",
            "i18n.invoice",
            "i18n.meetings"
    );

    /** French unless the locale asks for English. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public String get(Locale locale, String key, Object... args) {
        Locale target = supported(locale);
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle resources = ResourceBundle.getBundle(bundle, target, NoFallback.INSTANCE);
                if (resources.containsKey(key)) {
                    return fill(resources.getString(key), args);
                }
            } catch (MissingResourceException absent) {
                // this bundle has no file for the locale: try the next one
            }
        }
        return key;
    }

    /** The message of a refusal: {@code error.<code>}. */
    public String problem(Locale locale, Problem problem) {
        return get(locale, "error." + problem.code(), problem.args().toArray());
    }

    /** {0}, {1}… replaced by the arguments; no MessageFormat, whose quoting breaks French apostrophes. */
    private static String fill(String pattern, Object[] args) {
        String text = pattern;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }
}
