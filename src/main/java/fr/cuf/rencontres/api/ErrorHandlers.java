package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** Every error reaches the client with a stable code: domain refusals, unknown pages, bad input, crashes. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorHandlers {

    private final ErrorResponses responses;
    private final long maxRequestSize;

    ErrorHandlers(ErrorResponses responses, io.micronaut.http.server.HttpServerConfiguration server) {
        this.responses = responses;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return responses.of(request, HttpStatus.NOT_FOUND, List.of(Problem.of("page_not_found")));
    }

    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<?> badValue(HttpRequest<?> request, ConversionErrorException e) {
        // a JSON body of the wrong shape fails as a whole ("request"): name the property that did not fit
        String field = JsonFields.offending(e).orElse(e.getArgument().getName());
        return responses.of(request, HttpStatus.BAD_REQUEST, List.of(Problem.field(field, "invalid_value")));
    }

    /** A required argument missing; for a JSON body (an empty request), the stable code {@code body_required}. */
    @Error(exception = io.micronaut.web.router.exceptions.UnsatisfiedRouteException.class, global = true)
    HttpResponse<?> missing(HttpRequest<?> request, io.micronaut.web.router.exceptions.UnsatisfiedRouteException e) {
        boolean body = e instanceof io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
        return responses.of(request, HttpStatus.BAD_REQUEST, List.of(body ? Problem.of("body_required")
                : Problem.field(e.getArgument().getName(), "required")));
    }

    @Error(exception = HttpStatusException.class, global = true)
    HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        String code = e.getStatus() == HttpStatus.NOT_FOUND ? "page_not_found" : "bad_request";
        return responses.of(request, e.getStatus(), List.of(Problem.of(code)));
    }

    @Error(exception = io.micronaut.json.JsonSyntaxException.class, global = true)
    HttpResponse<?> badJson(HttpRequest<?> request) {
        return responses.of(request, HttpStatus.BAD_REQUEST, List.of(Problem.of("invalid_json")));
    }

    @Error(exception = com.fasterxml.jackson.core.JsonProcessingException.class, global = true)
    HttpResponse<?> badJsonContent(HttpRequest<?> request) {
        return responses.of(request, HttpStatus.BAD_REQUEST, List.of(Problem.of("invalid_json")));
    }

    /**
     * A body over {@code micronaut.server.max-request-size} (20 MB): the service's own 413 instead of the
     * framework's body. Registration bodies have a much lower cap (web.TextInputFilter).
     */
    @Error(exception = io.micronaut.http.exceptions.ContentLengthExceededException.class, global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request, io.micronaut.http.exceptions.ContentLengthExceededException e) {
        return responses.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, List.of(new Problem("body_too_large", null, List.of(
                maxRequestSize / 1024))));
    }

    @Error(exception = DomainException.class, global = true)
    HttpResponse<?> refused(HttpRequest<?> request, DomainException e) {
        return responses.of(request, e);
    }
}
