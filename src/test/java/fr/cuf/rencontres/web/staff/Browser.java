package fr.cuf.rencontres.web.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's cookie jar over the Micronaut client (which keeps none): sends the cookies it holds,
 * stores the Set-Cookie headers it receives, accepts HTML as Chromium does, and never follows redirects (the test
 * class sets micronaut.http.client.follow-redirects=false), so 303s are asserted as such.
 */
final class Browser {

    static final String CSRF = "rencontres_csrf";
    static final String SESSION = "rencontres_session";
    /** What Chromium sends for a page or a form submission. */
    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");

    private final BlockingHttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(HttpClient client) {
        this.http = client.toBlocking();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.GET(path).accept(ACCEPT));
    }

    /** Posts a form as a browser does: with the hidden csrfToken field copied from the CSRF cookie. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("csrfToken", csrfToken());
        return postRaw(path, form);
    }

    /** Posts exactly these fields (a forged request may leave the token out). */
    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        return send(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(ACCEPT));
    }

    HttpResponse<String> send(MutableHttpRequest<?> request) {
        cookies.forEach((name, value) -> request.cookie(Cookie.of(name, value)));
        HttpResponse<String> response;
        try {
            response = http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        for (String header : response.getHeaders().getAll("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('=')).strip();
            String value = pair.substring(pair.indexOf('=') + 1).strip();
            boolean expired = value.isEmpty() || header.toLowerCase().contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** The CSRF token of this browser, from a first page if it has none yet. */
    String csrfToken() {
        if (!cookies.containsKey(CSRF)) {
            get("/login");
        }
        return cookies.get(CSRF);
    }

    Browser login(String username, String password) {
        HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
        if (response.getStatus().getCode() != 303 || !cookies.containsKey(SESSION)) {
            throw new IllegalStateException("login of " + username + " failed: " + response.getStatus());
        }
        return this;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void cookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }

    static String hiddenCsrf(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
