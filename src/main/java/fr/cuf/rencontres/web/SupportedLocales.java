package fr.cuf.rencontres.web;

import fr.cuf.rencontres.support.Languages;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolutionConfiguration;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The locale of a request, as Micronaut resolves it (the {@code lang} cookie of the language switch, then
 * Accept-Language, see {@code micronaut.server.locale-resolution}), brought to a language the site speaks by
 * {@link Languages#supported}. Every {@link HttpLocaleResolver} and the request's
 * {@link io.micronaut.context.LocalizedMessageSource} get it, so that no page repeats the rule.
 */
@Primary
@Singleton
@Replaces(CompositeHttpLocaleResolver.class)
public class SupportedLocales extends CompositeHttpLocaleResolver {

    SupportedLocales(HttpLocaleResolver[] resolvers, HttpLocaleResolutionConfiguration configuration) {
        super(resolvers, configuration);
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        return Optional.of(Languages.supported(super.resolve(request).orElse(null)));
    }
}
