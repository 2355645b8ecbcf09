package fr.cuf.rencontres.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.csrf.CsrfConfiguration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the hidden {@code csrfToken} field of a form before the security filters run, for
 * {@link CsrfFormFieldResolver}; micronaut-security-csrf then checks it against the cookie.
 *
 * <p>Why not micronaut-security-csrf's own field resolver (disabled in application.yml): it reads the
 * body inside the CSRF filter, after the security filter; when the body arrives in a TCP packet after
 * the headers (browsers do this) or the session check has moved the request to another thread, that
 * read completes later, and Micronaut 4.10's chain around the legacy security filter then fails with a
 * NullPointerException ("newFilterContext is null"): a 500 on the login form and on back-office forms,
 * at random. Here the body is awaited first, and the CSRF filter then runs synchronously.
 * {@code CsrfFormFieldFilterTest} sends forms in two packets to prove it.
 */
@ServerFilter(value = "^(?!/api/).*", patternStyle = FilterPatternStyle.REGEX,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class CsrfFormFieldFilter implements Ordered {

    static final String ATTRIBUTE = "rencontres.csrf.field";

    private final CsrfConfiguration configuration;

    CsrfFormFieldFilter(CsrfConfiguration configuration) {
        this.configuration = configuration;
    }

    @RequestFilter
    void readField(HttpRequest<?> request, @Body @Nullable String body) {
        boolean form = request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (form && body != null) {
            field(body, configuration.getFieldName()).ifPresent(token -> request.setAttribute(ATTRIBUTE, token));
        }
    }

    /** The first value of a field in an application/x-www-form-urlencoded body. */
    static Optional<String> field(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
