package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way a refused form comes back, on the public site and in the back office: its page rendered again
 * with what was typed (the caller's model) and each problem beside its field, with the refusal's status (422
 * for invalid input, 409 for a conflict). No error travels in a redirect.
 *
 * <p>In the model, {@code errors.<field>} holds the first problem of each field as {@code code}, {@code message}
 * and {@code field} ({@code errors._} for a problem about the form as a whole) and {@code errorList} holds every
 * problem, for the summary at the top. Field names are made readable by Handlebars: {@code colleagues[0].email}
 * becomes {@code colleague_0_email}, {@code answers.12} becomes {@code answer_12}.
 */
@Singleton
public class Refusals {

    /** The key of a problem about the form as a whole. */
    public static final String WHOLE_FORM = "_";

    private final Messages messages;
    private final HttpLocaleResolver locales;

    Refusals(Messages messages, HttpLocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * Refuses, before any write, a form whose text the edge found unfit ({@code control_character}, see
     * {@link TextInputFilter}): the refusal then shows beside its field like any other, with what was typed. A
     * route doing so is marked {@link ShowsTextProblems} so that the edge lets it through.
     */
    public static void refuseTypedText(HttpRequest<?> request) {
        List<Problem> typed = TextInputFilter.problems(request);
        if (!typed.isEmpty()) {
            throw DomainException.invalid(typed);
        }
    }

    /** {@code view} again with {@code model} and the refusal, with the refusal's status. */
    public MutableHttpResponse<?> page(HttpRequest<?> request, DomainException refusal, String view, Map<String, Object> model) {
        return page(request, refusal, refusal.problems(), view, model);
    }

    /** As {@link #page(HttpRequest, DomainException, String, Map)}, showing {@code problems} (the refusal's, renamed). */
    public MutableHttpResponse<?> page(HttpRequest<?> request, DomainException refusal, List<Problem> problems, String view,
                                Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        page.putAll(model(request, problems));
        return HttpResponse.status(ErrorResponses.status(refusal.kind())).body(new ModelAndView<>(view, page));
    }

    /** {@code errors} and {@code errorList} in the language of the request. */
    public Map<String, Object> model(HttpRequest<?> request, List<Problem> problems) {
        return model(locales.resolveOrDefault(request), problems);
    }

    /** {@code errors} and {@code errorList} in {@code locale}. */
    public Map<String, Object> model(Locale locale, List<Problem> problems) {
        Map<String, Object> byField = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> item = new HashMap<>();
            item.put("code", p.code());
            item.put("message", messages.problem(locale, p));
            if (p.field() != null) {
                item.put("field", fieldKey(p.field()));
            }
            byField.putIfAbsent(p.field() == null ? WHOLE_FORM : fieldKey(p.field()), item);
            all.add(item);
        }
        return Map.of("errors", byField, "errorList", all);
    }

    /** A field name as a template can read it. */
    public static String fieldKey(String field) {
        return field.replace("colleagues[", "colleague_").replace("].", "_").replace("answers.", "answer_")
                .replace('.', '_');
    }
}
