package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Checks the CSRF token of every form POST outside the JSON API: the hidden field {@code csrfToken}
 * (or, for multipart uploads, the query parameter of the same name; for scripts, the X-CSRF-TOKEN
 * header) must match the signed cookie.
 * <p>
 * Why not micronaut-security-csrf's own filter: in 4.15.2 it answers 500 ("newFilterContext is null")
 * when a browser sends the form body in a packet after the headers, which real browsers do. Binding
 * the body as a filter argument lets the server wait for it; the token check itself is the module's
 * validator (double-submit cookie + HMAC).
 * <p>
 * Not checked: the JSON API (API tokens in a header, no cookie to ride on) and the anonymous public registration
 * form (it has its idempotency key, honeypot and rate limit). The personal pages {@code /me/{secret}} are
 * checked: the secret in their address is the credential, and a page that leaked it (a shared screen, a
 * forwarded mail) must not let another site post to it. Their Referrer-Policy is {@code same-origin}, not
 * {@code no-referrer}, which would make browsers post with {@code Origin: null} (issue 14).
 */
@ServerFilter(patterns = CsrfCheckFilter.CHECKED, patternStyle = FilterPatternStyle.REGEX)
class CsrfCheckFilter implements Ordered {

    /**
     * Every path but the exempt ones: the filter binds the request body, so it is not even run on the JSON
     * API's hot paths (registrations, scans), whose bodies would otherwise be read once more as a String.
     */
    static final String CHECKED = "^(?!/api/|/events/[^/]+/register(/|$)).*$";

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String FIELD = "csrfToken";
    private static final String HEADER = "X-CSRF-TOKEN";

    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final ErrorResponses errors;

    CsrfCheckFilter(CsrfTokenValidator<HttpRequest<?>> validator, ErrorResponses errors) {
        this.validator = validator;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        if (!UNSAFE.contains(request.getMethod())) {
            return null;
        }
        MediaType type = request.getContentType().orElse(null);
        String token = request.getHeaders().get(HEADER);
        if (token == null) {
            if (type != null && type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                token = formField(body);
            } else if (type != null && type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
                token = request.getParameters().get(FIELD);
            } else {
                return null;
            }
        }
        if (token != null && validator.validateCsrfToken(request, token)) {
            return null;
        }
        return errors.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("csrf_invalid")));
    }

    private static String formField(String body) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && FIELD.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
