package fr.cuf.rencontres.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The texts of the framework's own error page, in French and English: the page Micronaut answers before any route
 * or filter runs, e.g. a request over {@code micronaut.server.max-request-size} (413, an import file over 20 MB).
 * Its keys ({@code 413.error.title}, {@code .bold}, {@code .error}) are in {@code i18n/http_errors*.properties}.
 */
@Factory
class FrameworkErrorMessages {

    @Singleton
    @Named("httpErrors")
    MessageSource httpErrors() {
        return new ResourceBundleMessageSource("i18n.http_errors");
    }
}
