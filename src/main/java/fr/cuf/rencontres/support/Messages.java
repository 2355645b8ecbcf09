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
            "i18n.meetings",
            "i18n.privacy",
            "i18n.accounts"
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
                    return fill(resources.getString(key), readable(target, args));
                }
            } catch (MissingResourceException absent) {
                // this bundle has no file for the locale: try the next one
            }
        }
        return key;
    }

    /**
     * Dates and times as people read them ("15 avril 2026 à 9 h", "April 15, 2026 at 9:00") rather than ISO:
     * refusals carry java.time values and each reader gets them in their language.
     */
    private static Object[] readable(Locale locale, Object[] args) {
        if (args == null || args.length == 0) {
            return args;
        }
        boolean english = Locale.ENGLISH.equals(locale);
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof java.time.Instant instant) {
                out[i] = Times.paris(instant);
            }
            if (out[i] instanceof java.time.ZonedDateTime zoned) {
                java.time.ZonedDateTime paris = zoned.withZoneSameInstant(Times.PARIS);
                String pattern = english ? "MMMM d, yyyy 'at' H:mm"
                        : paris.getMinute() == 0 ? "d MMMM yyyy 'à' H 'h'" : "d MMMM yyyy 'à' H 'h' mm";
                out[i] = java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(paris);
            } else if (out[i] instanceof java.time.LocalDate date) {
                out[i] = java.time.format.DateTimeFormatter.ofPattern(english ? "MMMM d, yyyy" : "d MMMM yyyy", locale)
                        .format(date);
            }
        }
        return out;
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
