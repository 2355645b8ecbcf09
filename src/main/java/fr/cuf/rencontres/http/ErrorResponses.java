package fr.cuf.rencontres.http;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where refusals become HTTP responses: the status of each kind, a JSON body for the
 * API and for clients that ask for JSON, an error page in the site's layout for browsers.
 */
@Singleton
public class ErrorResponses {

    /** How often a browser showing a 503 page reloads it. */
    static final int RELOAD_SECONDS = 5;

    private final Messages messages;
    private final HttpLocaleResolver locales;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final List<ViewModelProcessor<Map<String, Object>>> pageModels;

    ErrorResponses(Messages messages, HttpLocaleResolver locales,
                   ViewsRenderer<Map<String, Object>, HttpRequest<?>> views,
                   List<ViewModelProcessor<Map<String, Object>>> pageModels) {
        this.messages = messages;
        this.locales = locales;
        this.views = views;
        this.pageModels = pageModels;
    }

    public static HttpStatus status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, DomainException e) {
        return of(request, status(e.kind()), e.problems());
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, HttpStatus status, List<Problem> problems) {
        Locale locale = locales.resolveOrDefault(request);
        List<ApiError.Item> items = problems.stream()
                .map(p -> new ApiError.Item(p.code(), messages.problem(locale, p), p.field())).toList();
        if (wantsJson(request)) {
            ApiError.Item first = items.get(0);
            return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError(first.code(), first.message(), first.field(), items));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("code", items.get(0).code());
        model.put("message", items.get(0).message());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            // the demo data loading, the database away: the browser asks again by itself
            model.put("refreshSeconds", RELOAD_SECONDS);
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(page(request, model));
    }

    /**
     * Renders the error page here rather than returning a ModelAndView: responses made by filters
     * and exception handlers do not pass through the views filter.
     */
    private String page(HttpRequest<?> request, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> page = new ModelAndView<>("error", model);
        pageModels.forEach(processor -> processor.process(request, page));
        StringWriter out = new StringWriter();
        try {
            views.render("error", page.getModel().orElse(model), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** API paths always answer JSON; elsewhere JSON only for clients that prefer it to HTML. */
    public static boolean wantsJson(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return true;
        }
        java.util.Collection<MediaType> accept = request.accept();
        return !accept.isEmpty() && accept.stream().noneMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                && accept.stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE));
    }
}
