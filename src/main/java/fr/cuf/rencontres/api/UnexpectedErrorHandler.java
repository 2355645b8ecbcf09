package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * A crash answers like every other error: {@code internal_error} as JSON on the API, the error page in the
 * site's layout for a browser. The exception is logged with a short reference that the answer carries in
 * the {@code X-Error-Reference} header, so staff can find the stack trace; the answer itself never shows it.
 * An unreachable database ({@link DatabaseOutage}: PostgreSQL restarting, a broken pooled connection) is the one
 * exception: {@code service_unavailable}, 503 with Retry-After, logged without a stack trace.
 * Micronaut's more specific handlers (bad JSON, missing arguments, …) still win: handlers are chosen by the
 * closest exception type.
 */
@Singleton
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ErrorResponses responses;

    UnexpectedErrorHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    /** Seconds a client should wait before trying again when the database is unreachable. */
    static final String RETRY_AFTER = "5";

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        if (DatabaseOutage.causedBy(exception)) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethodName(), request.getPath(),
                    exception.toString());
            return responses.of(request, HttpStatus.SERVICE_UNAVAILABLE, List.of(Problem.of("service_unavailable")))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error {} on {} {}", reference, request.getMethodName(), request.getPath(), exception);
        return responses.of(request, HttpStatus.INTERNAL_SERVER_ERROR, List.of(Problem.of("internal_error")))
                .header("X-Error-Reference", reference);
    }
}
