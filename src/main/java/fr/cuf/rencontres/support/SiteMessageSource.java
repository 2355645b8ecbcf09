package fr.cuf.rencontres.support;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The texts of the site and of every refusal code, French first, English second: each feature keeps its own
 * bundle under {@code i18n/}, read by Micronaut's {@link ResourceBundleMessageSource}; a key is looked up in each
 * in turn. As a {@link MessageSource} bean it is part of Micronaut's composite message source, which
 * {@link io.micronaut.context.LocalizedMessageSource} reads in the language of the request.
 *
 * <p>The bundles are plain text with {@code {0}}-style arguments: a French apostrophe is an apostrophe. Micronaut's
 * interpolation reads a single quote as the start of a quoted (literal) part, as MessageFormat does, so each one is
 * doubled here, which interpolation turns back into one.
 */
@Singleton
public class SiteMessageSource extends AbstractMessageSource {

    private static final List<String> BUNDLES = List.of("messages", "errors", "csvio", "calendar", "api", "staff",
            "registration", "schedule", "badges", "invoice", "meetings", "privacy", "accounts");

    private final List<MessageSource> bundles = BUNDLES.stream()
            .<MessageSource>map(name -> new ResourceBundleMessageSource("i18n." + name)).toList();

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        for (MessageSource bundle : bundles) {
            Optional<String> found = bundle.getRawMessage(code, context);
            if (found.isPresent()) {
                return found.map(text -> text.replace("'", "''"));
            }
        }
        return Optional.empty();
    }
}
