package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Post/Redirect/Get for the back office: a write that succeeds answers 303 to the page showing its
 * result; a refused one renders its form again through {@link Refusals}, with the user's values and each
 * message beside its field. A text refused at the edge (a control character) is refused the same way, before
 * the write; a route calling {@link #submit} is marked {@link fr.cuf.rencontres.web.ShowsTextProblems} so that
 * the edge lets it through.
 */
@Singleton
class FormPages {

    private final Refusals refusals;

    FormPages(Refusals refusals) {
        this.refusals = refusals;
    }

    static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /**
     * Runs {@code write}; on success redirects to {@code next}, on an invalid or conflicting input renders
     * {@code view} with {@code model} and the problems. Unknown records and refusals of rights propagate.
     */
    <T> HttpResponse<?> submit(HttpRequest<?> request, Supplier<T> write, Function<T, String> next,
                               String view, Supplier<Map<String, Object>> model) {
        try {
            Refusals.refuseTypedText(request);
            return seeOther(next.apply(write.get()));
        } catch (DomainException e) {
            return refused(request, e, view, model.get());
        }
    }

    /**
     * {@code view} again with {@code model} and the refusal (see {@link Refusals#page}); unknown records and
     * refusals of rights propagate, to the error pages.
     */
    MutableHttpResponse<?> refused(HttpRequest<?> request, DomainException refusal, String view, Map<String, Object> model) {
        if (refusal.kind() == DomainException.Kind.NOT_FOUND || refusal.kind() == DomainException.Kind.FORBIDDEN) {
            throw refusal;
        }
        return refusals.page(request, refusal, view, model);
    }

    /** {@code errors} and {@code errorList}, for a page showing several forms (see {@link Refusals#model}). */
    Map<String, Object> errors(HttpRequest<?> request, List<Problem> problems) {
        return refusals.model(request, problems);
    }
}
