package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;
import java.util.Locale;

/**
 * The API takes API tokens only (issue 18): a request carrying {@code Authorization: Basic …} answers 401
 * {@code basic_auth_not_accepted}, whether or not its route needs a sign-in, so a script still sending a
 * password learns it at its first call instead of reading public data as an anonymous client. The password is
 * never checked: no API call is a password test, and nothing is counted as a sign-in attempt.
 */
@ServerFilter("/api/**")
class BasicAuthRefused implements Ordered {

    private final ErrorResponses responses;

    BasicAuthRefused(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.strip().toLowerCase(Locale.ROOT).startsWith("basic")) {
            return null;
        }
        return responses.of(request, HttpStatus.UNAUTHORIZED, List.of(Problem.of("basic_auth_not_accepted")))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiAuthorizationHandler.CHALLENGE);
    }
}
