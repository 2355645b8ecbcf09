package fr.cuf.rencontres.support;

import jakarta.inject.Singleton;

import io.micronaut.context.MessageSource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A text of the site or of a refusal in a language: the site's {@link MessageSource} (see
 * {@link SiteMessageSource}), with java.time arguments written as people read them and the key itself when no
 * bundle has it. The language is brought to French or English by {@link Languages#supported}.
 */
@Singleton
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(Locale locale, String key, Object... args) {
        Locale target = Languages.supported(locale);
        Map<String, Object> variables = new HashMap<>();
        // a placeholder given no argument stays as it is: some texts are filled in by the page's script
        for (int i = 0; i < PLACEHOLDERS; i++) {
            variables.put(String.valueOf(i), "{" + i + "}");
        }
        Object[] values = readable(target, args == null ? new Object[0] : args);
        for (int i = 0; i < values.length; i++) {
            variables.put(String.valueOf(i), String.valueOf(values[i]));
        }
        return source.getMessage(key, MessageSource.MessageContext.of(target, variables), key);
    }

    private static final int PLACEHOLDERS = 10;

    /**
     * Dates and times as people read them ("15 avril 2026 à 9 h", "April 15, 2026 at 9:00") rather than ISO:
     * refusals carry java.time values and each reader gets them in their language.
     */
    private static Object[] readable(Locale locale, Object[] args) {
        if (args == null || args.length == 0) {
            return args;
        }
        boolean english = Languages.english(locale);
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
}
