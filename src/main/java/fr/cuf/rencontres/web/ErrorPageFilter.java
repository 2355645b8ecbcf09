package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;

/**
 * A refusal is never an empty page: an error answered without a body (the framework's CORS check refusing
 * a cross-origin post, a 405, a 413…) gets the site's error page saying what happened and what to do, in
 * the visitor's language (JSON for clients that ask for it). Errors that already carry a body are untouched.
 */
@ServerFilter("/**")
class ErrorPageFilter implements Ordered {

    private final ErrorResponses errors;

    ErrorPageFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // outermost: sees the responses of every other filter
    }

    @ResponseFilter
    @Nullable
    HttpResponse<?> explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int code = response.code();
        if (code < 400 || response.getBody().isPresent() || "HEAD".equals(request.getMethodName())) {
            return null;
        }
        String problem = switch (code) {
            case 403 -> "http_403";
            case 404 -> "http_404";
            case 405 -> "http_405";
            default -> code >= 500 ? "http_500" : "http_400";
        };
        MutableHttpResponse<?> page = errors.of(request, HttpStatus.valueOf(code), List.of(Problem.of(problem)));
        response.getHeaders().forEach((name, values) -> {
            if (!page.getHeaders().contains(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(v -> page.header(name, v));
            }
        });
        return page;
    }
}
