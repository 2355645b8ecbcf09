package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.config.PublicUrl;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing request that a browser sent from another site: its {@code Origin} (or, without one,
 * its {@code Referer}) must name this service, as the configured public URL or the Host the request reached.
 * {@code Origin: null} (a privacy-minded browser, a page served with no-referrer) is accepted only on the
 * personal pages {@code /me/…}, whose forms also carry a CSRF token checked by {@link CsrfCheckFilter}; API clients
 * such as curl send neither header and pass. A check on headers only, so it runs on every path, the JSON API too.
 */
@ServerFilter("/**")
class OriginCheckFilter implements Ordered {

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final PublicUrl publicUrl;
    private final ErrorResponses errors;

    OriginCheckFilter(PublicUrl publicUrl, ErrorResponses errors) {
        this.publicUrl = publicUrl;
        this.errors = errors;
    }

    /** Before the framework's CORS filter, whose own refusal of foreign origins covers localhost only. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaders().get("Origin");
        if (origin == null) {
            origin = request.getHeaders().get("Referer");
            if (origin == null) {
                return null;
            }
        }
        if ("null".equals(origin.strip())) {
            return request.getPath().startsWith("/me/") ? null : refuse(request);
        }
        return ours(request, origin) ? null : refuse(request);
    }

    private boolean ours(HttpRequest<?> request, String origin) {
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (authority == null) {
            return false;
        }
        authority = authority.toLowerCase(Locale.ROOT);
        if (publicUrl.isConfigured() && authority.equals(URI.create(publicUrl.base()).getRawAuthority().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String host = request.getHeaders().get("Host");
        return host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT));
    }

    private HttpResponse<?> refuse(HttpRequest<?> request) {
        return errors.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("origin_refused")));
    }
}
