package fr.cuf.rencontres.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The form's CSRF token, as read by {@link CsrfFormFieldFilter}: synchronous, so the CSRF filter is too. */
@Singleton
class CsrfFormFieldResolver implements CsrfTokenResolver<HttpRequest<?>> {

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        return request.getAttribute(CsrfFormFieldFilter.ATTRIBUTE, String.class);
    }
}
