package fr.cuf.rencontres.mail;

import com.github.jknack.handlebars.Handlebars;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-text mail bodies from the Handlebars templates under {@code views/mail/}, rendered by the same
 * Handlebars as the pages, so with the same helpers ({@code t} reads a text of the bundles in the mail's language).
 * A text mail is not HTML: its templates insert values with triple braces, which escape nothing.
 */
@Singleton
public class MailTemplates {

    private final Handlebars handlebars;

    MailTemplates(Handlebars handlebars) {
        this.handlebars = handlebars;
    }

    /** {@code views/mail/<name>.hbs} applied to {@code model}, in {@code locale}. */
    public String render(String name, Locale locale, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", locale.getLanguage());
        try {
            return handlebars.compile("views/mail/" + name).apply(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
