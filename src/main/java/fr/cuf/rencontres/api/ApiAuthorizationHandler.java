package fr.cuf.rencontres.api;

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
 * Refused access on the API answers JSON like every other API error (401 with a Basic challenge, or 403)
 * instead of a redirection to the sign-in page; the pages keep Micronaut Security's behaviour.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class ApiAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    static final String CHALLENGE = "Basic realm=\"rencontres\", charset=\"UTF-8\"";

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
            return super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            return responses.of(request, HttpStatus.FORBIDDEN, List.of(Problem.of("forbidden")));
        }
        return responses.of(request, HttpStatus.UNAUTHORIZED, List.of(Problem.of("unauthorized")))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
}
