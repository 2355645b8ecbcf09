package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.web.TextInputFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A refusal as messages by field ("_" for the form as a whole), for a form rendered again. */
final class FormErrors {

    private FormErrors() {
    }

    /** Header marking a form rendered again with its errors (read by the drag-and-drop script). */
    static final String HEADER = "X-Form-Errors";

    /**
     * The form page again, with its errors. Sent as 200 with {@link #HEADER}: with micronaut-security-csrf
     * reading the form body, a 4xx response rendered through a view fails intermittently inside Micronaut
     * ("newFilterContext is null", a 500) on this stack.
     */
    static io.micronaut.http.HttpResponse<Map<String, Object>> page(Map<String, Object> model) {
        return io.micronaut.http.HttpResponse.ok(model).header(HEADER, "1");
    }

    /**
     * Refuses, before any write, a form whose text the edge found unfit ({@code control_character}, see
     * web.TextInputFilter): the refusal then shows beside its field like any other, with what was typed.
     */
    static void refuseTypedText(io.micronaut.http.HttpRequest<?> request) {
        List<Problem> typed = TextInputFilter.problems(request);
        if (!typed.isEmpty()) {
            throw DomainException.invalid(typed);
        }
    }

    /** A refusal carried in a redirect: field~code~arg… entries separated by "!". */
    static String encode(DomainException e) {
        return e.problems().stream().map(p -> {
            StringBuilder b = new StringBuilder(p.field() == null ? "_" : p.field()).append('~').append(p.code());
            p.args().forEach(a -> b.append('~').append(String.valueOf(a).replace("~", "-").replace("!", ".")));
            return b.toString();
        }).collect(java.util.stream.Collectors.joining("!"));
    }

    static Map<String, String> decode(String encoded, Messages messages, Locale locale) {
        Map<String, String> errors = new HashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return errors;
        }
        for (String entry : encoded.split("!")) {
            String[] parts = entry.split("~");
            if (parts.length < 2 || !parts[1].matches("[a-z_]+")) {
                continue;
            }
            Problem p = new Problem(parts[1], parts[0], java.util.Arrays.asList((Object[]) java.util.Arrays.copyOfRange(parts, 2, parts.length)));
            errors.merge(parts[0], messages.problem(locale, p), (a, b) -> a + " " + b);
        }
        return errors;
    }

    static Map<String, String> of(DomainException e, Messages messages, Locale locale) {
        Map<String, String> errors = new HashMap<>();
        for (Problem p : e.problems()) {
            errors.merge(p.field() == null ? "_" : p.field(), messages.problem(locale, p), (a, b) -> a + " " + b);
        }
        return errors;
    }
}
