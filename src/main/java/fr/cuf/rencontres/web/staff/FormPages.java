package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Post/Redirect/Get for the back office: a write that succeeds answers 303 to the page showing its
 * result; a refused one renders its form again, with the user's values and each message beside its field. A
 * text refused at the edge (a control character) is refused the same way, before the write; a route calling
 * {@link #submit} is marked {@link fr.cuf.rencontres.web.ShowsTextProblems} so that the edge lets it through.
 */
@Singleton
class FormPages {

    private final Messages messages;
    private final HttpLocaleResolver locales;

    FormPages(Messages messages, HttpLocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
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
            FormErrors.refuseTypedText(request);
            return seeOther(next.apply(write.get()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            Map<String, Object> page = new HashMap<>(model.get());
            page.putAll(errors(request, e.problems()));
            return HttpResponse.status(ErrorResponses.status(e.kind())).body(new ModelAndView<>(view, page));
        }
    }

    /** {@code errors.<field>} (the first problem of each field) and {@code errorList} (all, for the summary). */
    Map<String, Object> errors(HttpRequest<?> request, List<Problem> problems) {
        Locale locale = Messages.supported(locales.resolveOrDefault(request));
        Map<String, Object> byField = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> item = new HashMap<>();
            item.put("code", p.code());
            item.put("message", messages.problem(locale, p));
            if (p.field() != null) {
                item.put("field", p.field());
                byField.putIfAbsent(p.field(), item);
            }
            all.add(item);
        }
        return Map.of("errors", byField, "errorList", all);
    }
}
