package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Refusals of the security filter. On the API: JSON like every other API error (401 with a Bearer
 * challenge: API clients send a staff account's API token, see staff.ApiTokens; or 403). On pages: not signed in keeps Micronaut Security's behaviour (303 to /login for
 * a browser, 401 otherwise); signed in without the role is a 403 error page in the site's layout, never
 * a redirection that would hide the refusal.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class ApiAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    static final String CHALLENGE = "Bearer realm=\"rencontres\"";

    private final ErrorResponses responses;

    ApiAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirects,
                            RedirectService redirectService,
                            List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                            @Nullable PriorToLoginPersistence priorToLoginPersistence,
                            ErrorResponses responses) {
        super(errorResponseProcessor, redirects, redirectService, challengeProviders, priorToLoginPersistence);
        this.responses = responses;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!request.getPath().startsWith("/api/")) {
            return exception.isForbidden()
                    ? responses.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("forbidden")))
                    : super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            return responses.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("forbidden")));
        }
        return responses.of(request, HttpStatus.UNAUTHORIZED, List.of(Problem.of("unauthorized")))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
