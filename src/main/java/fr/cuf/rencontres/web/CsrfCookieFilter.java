package fr.cuf.rencontres.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import fr.cuf.rencontres.config.SecureCookies;

/**
 * Gives every browser a CSRF cookie on its first page (and a new one on the first page after a sign-in or
 * sign-out, tokens being bound to the session), so that every form (the login form too)
 * can carry the same token in a hidden field; micronaut-security-csrf checks the pair on POST.
 */
@ServerFilter("/**")
class CsrfCookieFilter {

    private static final String ATTRIBUTE = "rencontres.csrf";

    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokens tokens;
    private final CsrfConfiguration configuration;
    private final SecureCookies secureCookies;

    CsrfCookieFilter(CsrfTokenGenerator<HttpRequest<?>> generator, CsrfTokens tokens, CsrfConfiguration configuration,
                     SecureCookies secureCookies) {
        this.secureCookies = secureCookies;
        this.generator = generator;
        this.tokens = tokens;
        this.configuration = configuration;
    }

    /** The token of this request's forms: the browser's cookie, or the one issued with this response. */
    static @Nullable String token(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }

    @RequestFilter
    void issue(HttpRequest<?> request) {
        String existing = request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue)
                .orElse(null);
        boolean page = request.getMethod() == HttpMethod.GET && !request.getPath().startsWith("/api/")
                && !request.getPath().endsWith(".ics");
        // a token is bound to the session (CsrfTokens): after a sign-in or sign-out, a page gets a new one
        if (existing != null && (!page || tokens.boundTo(request, existing))) {
            request.setAttribute(ATTRIBUTE, existing);
        } else if (page) { // calendar feeds carry no form, and a cookie defeats caches
            request.setAttribute(ATTRIBUTE, generator.generateCsrfToken(request));
            request.setAttribute(ATTRIBUTE + ".new", Boolean.TRUE);
        }
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(ATTRIBUTE + ".new").isPresent()) {
            response.cookie(Cookie.of(configuration.getCookieName(), token(request))
                    .path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies.secure(request)));
        }
    }
}
