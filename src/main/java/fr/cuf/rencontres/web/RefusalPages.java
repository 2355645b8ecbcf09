package fr.cuf.rencontres.web;

import fr.cuf.rencontres.api.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Refusals of the security filters. Not signed in: Micronaut's behaviour (303 to /login for a browser,
 * 401 otherwise). Signed in without the role, or a form without a valid CSRF token: 403 with an error
 * page in the site's layout (or JSON), never a redirect that would hide the refusal.
 *
 * <p>The CSRF filter reports a bad token through this same handler, with the user's authentication
 * (none on the login form); what tells it apart is that the security filter let the request through:
 * it marks the requests it rejects with {@link SecurityFilter#REJECTION}.
 *
 * <p>Filters answer outside the views filter, so the page is rendered here.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class RefusalPages extends DefaultAuthorizationExceptionHandler {

    private final ErrorResponses responses;
    private final ViewsRendererLocator renderers;
    private final ViewsModelDecorator decorator;

    RefusalPages(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                 RedirectService redirectService,
                 List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                 @Nullable PriorToLoginPersistence priorToLoginPersistence,
                 ErrorResponses responses, ViewsRendererLocator renderers, ViewsModelDecorator decorator) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders,
                priorToLoginPersistence);
        this.responses = responses;
        this.renderers = renderers;
        this.decorator = decorator;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean csrf = request.getAttribute(SecurityFilter.REJECTION).isEmpty();
        if (!csrf && !exception.isForbidden()) {
            return super.handle(request, exception);
        }
        MutableHttpResponse<?> response = responses.of(request, HttpStatus.FORBIDDEN,
                List.of(Problem.of(csrf ? "csrf_refused" : "forbidden")));
        return render(request, response);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof ModelAndView page) || page.getView().isEmpty()) {
            return response;
        }
        decorator.decorate(request, page);
        String view = (String) page.getView().get();
        Object model = page.getModel().orElse(null);
        Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer(view, MediaType.TEXT_HTML, model);
        if (renderer.isEmpty()) {
            return response;
        }
        MutableHttpResponse raw = response;
        return raw.body(renderer.get().render(view, model, request)).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
