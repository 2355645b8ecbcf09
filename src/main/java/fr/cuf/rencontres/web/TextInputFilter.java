package fr.cuf.rencontres.web;

import fr.cuf.rencontres.http.ErrorResponses;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.TextInputs;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edge of every request's text ({@link TextInputs}, issue 18 item 7): the path, each query parameter, each
 * form field and each JSON string are checked once, here, before any controller binds them. A control character
 * answers 422 {@code control_character} naming the field, in the service's error format (JSON for the API, the
 * error page for browsers). Forms are the exception, the public registration form and every route marked
 * {@link ShowsTextProblems} (the staff forms): there the problems ride on the request ({@link #problems}) and the
 * controller renders the form again with what was typed and each message beside its field. Registration bodies are also capped ({@code rencontres.http.registration-max-body}, 64 KiB): 413
 * {@code body_too_large}; other bodies keep the server's own limit ({@code micronaut.server.max-request-size}).
 * <p>
 * CSV uploads are not read here: their cells are the import's business (csvio), and they can be megabytes.
 */
@ServerFilter(patterns = TextInputFilter.CHECKED, patternStyle = FilterPatternStyle.REGEX)
public class TextInputFilter implements Ordered {

    static final String CHECKED = "^(?!/api/v1/imports|/staff/imports).*$";

    /** Request attribute: the problems found in a form whose controller shows them beside its fields. */
    static final String PROBLEMS = "rencontres.textProblems";

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Pattern REGISTRATION = Pattern.compile("^(/api/v1/events/[^/]+/registrations|/events/[^/]+/register)/?$");
    private static final Pattern IN_PLACE = Pattern.compile("^/events/[^/]+/register/?$");

    private final ErrorResponses errors;
    private final int registrationMaxBody;

    TextInputFilter(ErrorResponses errors,
                    @Value("${rencontres.http.registration-max-body:65536}") int registrationMaxBody) {
        this.errors = errors;
        this.registrationMaxBody = registrationMaxBody;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 10; // before the CSRF check reads the form
    }

    /** The problems the filter left for a form's controller (empty for any other request). */
    @SuppressWarnings("unchecked")
    public static List<Problem> problems(HttpRequest<?> request) {
        return request.getAttribute(PROBLEMS, List.class).map(l -> (List<Problem>) l).orElse(List.of());
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        List<Problem> problems = new ArrayList<>();
        if (TextInputs.hasControl(decoded(request.getPath()))) {
            problems.add(Problem.field("path", TextInputs.CODE));
        }
        for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
            if (TextInputs.hasControl(p.getKey()) || p.getValue().stream().anyMatch(TextInputs::hasControl)) {
                problems.add(Problem.field(p.getKey(), TextInputs.CODE));
            }
        }
        boolean registration = REGISTRATION.matcher(request.getPath()).matches();
        if (body != null && WITH_BODY.contains(request.getMethod())) {
            if (registration && body.length() > registrationMaxBody) {
                return errors.of(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                        List.of(new Problem("body_too_large", null, List.of(registrationMaxBody / 1024))));
            }
            MediaType type = request.getContentType().orElse(null);
            if (type != null && type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                problems.addAll(inForm(body));
            } else if (type != null && type.getSubtype().endsWith("json")) {
                JsonStrings.firstControl(body).ifPresent(field -> problems.add(Problem.field(field, TextInputs.CODE)));
            }
        }
        if (problems.isEmpty()) {
            return null;
        }
        if (HttpMethod.POST.equals(request.getMethod()) && !ErrorResponses.wantsJson(request)
                && (IN_PLACE.matcher(request.getPath()).matches() || showsThem(request))) {
            request.setAttribute(PROBLEMS, List.copyOf(problems));
            return null;
        }
        return errors.of(request, HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }

    /** Whether the route matched (routing runs before the filters) shows the problems in its form. */
    private static boolean showsThem(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(m -> m.getAnnotationMetadata().hasAnnotation(ShowsTextProblems.class)).orElse(false);
    }

    private static List<Problem> inForm(String body) {
        List<Problem> problems = new ArrayList<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            if ((TextInputs.hasControl(name) || TextInputs.hasControl(value))
                    && problems.stream().noneMatch(p -> name.equals(p.field()))) {
                problems.add(Problem.field(name, TextInputs.CODE));
            }
        }
        return problems;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** A scan of JSON text for control characters inside strings, raw or escaped, without building a tree. */
    static final class JsonStrings {

        private JsonStrings() {
        }

        /** The key of the first string value holding a control character ("body" when it has no key). */
        static Optional<String> firstControl(String json) {
            String key = null;
            int i = 0;
            int n = json.length();
            while (i < n) {
                char c = json.charAt(i);
                if (c != '"') {
                    i++;
                    continue;
                }
                StringBuilder text = new StringBuilder();
                boolean control = false;
                i++;
                while (i < n && json.charAt(i) != '"') {
                    char s = json.charAt(i);
                    if (s == '\\' && i + 1 < n) {
                        char e = json.charAt(i + 1);
                        if (e == 'u' && i + 5 < n) {
                            try {
                                s = (char) Integer.parseInt(json.substring(i + 2, i + 6), 16);
                            } catch (NumberFormatException bad) {
                                s = '?';
                            }
                            i += 6;
                        } else {
                            s = e == 'b' ? '\b' : e == 'f' ? '\f' : e;
                            i += 2;
                        }
                    } else {
                        i++;
                    }
                    control |= TextInputs.refused(s);
                    if (text.length() < 100) {
                        text.append(s);
                    }
                }
                i++;
                int next = i;
                while (next < n && Character.isWhitespace(json.charAt(next))) {
                    next++;
                }
                boolean isKey = next < n && json.charAt(next) == ':';
                if (control) {
                    return Optional.of(isKey || key == null ? "body" : key);
                }
                if (isKey) {
                    key = text.toString();
                }
            }
            return Optional.empty();
        }
    }
}
