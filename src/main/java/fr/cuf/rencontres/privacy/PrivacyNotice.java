package fr.cuf.rencontres.privacy;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Locale;

/** One version of the privacy notice; {@code publishedAt} is null for the built-in first text (no row yet). */
public record PrivacyNotice(String version, String textFr, String textEn, @Nullable Instant publishedAt,
                            @Nullable String publishedBy) {

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textFr;
    }

    /** The text cut at blank lines, for paragraphs on the page (the text is stored plain, never as HTML). */
    public java.util.List<String> paragraphs(Locale locale) {
        return java.util.Arrays.stream(text(locale).split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
