package fr.cuf.rencontres.journey;

import net.fortuna.ical4j.data.CalendarBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows every same-origin link and every GET form, breadth first, from the home page and the staff home, as one
 * identity (anonymous or a demo account), over HTTP with that identity's cookies; and reports what a person would
 * see as broken: a 5xx, a template leak in the text, a link that answers 403 to the role it was shown to, a feed that
 * does not parse.
 * <p>
 * Many pages share one template (400 registrations, 130 organisations): at most {@link #PER_SHAPE} pages of one
 * <em>shape</em> (the path with its numbers and slugs taken out, see {@link #shape(String)}) are fetched, so each
 * template is tried with several rows without the crawl taking minutes per identity.
 */
final class Crawler {

    static final int PER_SHAPE = 12;
    private static final int MAX_PAGES = 4000;

    /** What a person must never read: a map printed by a template, a moustache, a null, a raw enum, cents. */
    static final Map<String, Pattern> LEAKS = new LinkedHashMap<>();

    static {
        LEAKS.put("map printed", Pattern.compile("\\{[a-zA-Z_]+=[^}]*}"));
        LEAKS.put("moustache", Pattern.compile("\\{\\{|}}"));
        LEAKS.put("null/undefined/NaN", Pattern.compile("\\b(null|undefined|NaN)\\b"));
        LEAKS.put("raw enum", Pattern.compile("\\b[A-Z]{2,}(_[A-Z]{2,})+\\b"));
        LEAKS.put("price in cents", Pattern.compile("\\((?!(19|20)\\d\\d\\))\\d{4,}\\)|\\b\\d{4,}\\s?(€|EUR|cents?)(?!\\w)"));
    }

    /** Paths never followed: they change the state of the visitor rather than show a page. */
    private static final Pattern SKIPPED = Pattern.compile("^/(logout|lang/)");

    record Page(String path, int status, String contentType, String from) {
    }

    record Problem(String identity, String path, String what) {
        @Override
        public String toString() {
            return identity + " " + path + ": " + what;
        }
    }

    private final PackagedService service;
    private final String identity;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Integer> perShape = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** The first HTML page (status 200) of each shape, for the checks made in a real browser. */
    private final Map<String, String> representatives = new LinkedHashMap<>();

    Crawler(PackagedService service, String identity) {
        this.service = service;
        this.identity = identity;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the sign-in form (its CSRF token included), unless anonymous. */
    Crawler signIn() {
        if (identity.equals("anonymous")) {
            return this;
        }
        HttpResponse<String> form = get("/login");
        String token = Jsoup.parse(form.body()).select("input[name=csrfToken]").attr("value");
        String body = "username=" + enc(identity) + "&password=" + enc(fr.cuf.rencontres.demo.DemoDataLoader.DEMO_PASSWORD) + "&csrfToken=" + enc(token);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(service.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", service.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() / 100 != 3 || location.contains("error")) {
            throw new AssertionError("sign-in as " + identity + " failed: " + answer.statusCode() + " " + location);
        }
        return this;
    }

    /** Crawls from the given start paths. */
    Crawler crawl(String... starts) {
        Deque<Page> queue = new ArrayDeque<>();
        for (String start : starts) {
            queue.add(new Page(start, 0, null, "(start)"));
        }
        while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
            Page next = queue.poll();
            if (pages.containsKey(next.path())) {
                continue;
            }
            String shape = shape(next.path());
            if (perShape.merge(shape, 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            visit(next.path(), next.from(), queue);
        }
        return this;
    }

    private void visit(String path, String from, Deque<Page> queue) {
        HttpResponse<byte[]> response = sendBytes(path);
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        pages.put(path, new Page(path, status, type, from));
        if (status >= 500) {
            problems.add(new Problem(identity, path, status + " (linked from " + from + ")"));
            return;
        }
        if (status == 403) {
            problems.add(new Problem(identity, path, "403 for a link shown to this role on " + from));
            return;
        }
        if (status / 100 == 3) {
            response.headers().firstValue("Location").map(l -> sameOrigin(path, l))
                    .ifPresent(l -> queue.add(new Page(l, 0, null, path)));
            return;
        }
        if (status != 200) {
            if (!(identity.equals("anonymous") && status == 401)) {
                problems.add(new Problem(identity, path, status + " (linked from " + from + ")"));
            }
            return;
        }
        if (type.startsWith("text/calendar")) {
            checkFeed(path, response.body());
        } else if (type.startsWith("text/html")) {
            String html = new String(response.body(), StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html, service.url(path));
            checkText(path, page);
            representatives.putIfAbsent(shape(path), path);
            for (String link : links(path, page)) {
                queue.add(new Page(link, 0, null, path));
            }
        }
    }

    private void checkText(String path, Document page) {
        page.select("script, style, template, noscript").remove();
        StringJoiner text = new StringJoiner("\n");
        text.add(page.body() == null ? "" : page.body().text());
        text.add(page.title());
        for (Element e : page.select("[placeholder], [title], [alt], [aria-label], input[type=submit][value], option")) {
            for (String attribute : List.of("placeholder", "title", "alt", "aria-label")) {
                if (e.hasAttr(attribute)) {
                    text.add(e.attr(attribute));
                }
            }
            if (e.is("input[type=submit]")) {
                text.add(e.attr("value"));
            }
        }
        leaks(text.toString()).forEach(leak -> problems.add(new Problem(identity, path, leak)));
    }

    /** Each leak found in a text, with a few words around it. */
    static List<String> leaks(String text) {
        List<String> found = new ArrayList<>();
        LEAKS.forEach((name, pattern) -> {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add(name + ": «" + text.substring(from, to).replace('\n', ' ') + "»");
            }
        });
        return found;
    }

    private void checkFeed(String path, byte[] body) {
        try {
            var calendar = new CalendarBuilder().build(new ByteArrayInputStream(body));
            if (calendar.getComponents().isEmpty() && !new String(body, StandardCharsets.UTF_8).contains("VCALENDAR")) {
                problems.add(new Problem(identity, path, "feed has no VCALENDAR"));
            }
        } catch (Exception e) {
            problems.add(new Problem(identity, path, "feed does not parse: " + e.getMessage()));
        }
    }

    /** Same-origin links and GET forms (with their default values) of a page. */
    private List<String> links(String path, Document page) {
        Set<String> links = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href").trim();
            if (href.startsWith("webcal://")) {
                href = "http://" + href.substring("webcal://".length());
            }
            String link = sameOrigin(path, href);
            if (link != null) {
                links.add(link);
            }
        }
        for (Element form : page.select("form")) {
            if (!form.attr("method").isEmpty() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            String action = form.attr("action").isEmpty() ? path.replaceAll("\\?.*", "") : form.attr("action");
            StringJoiner query = new StringJoiner("&");
            for (Element field : form.select("input[name], select[name], textarea[name]")) {
                String type = field.attr("type");
                if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                    continue;
                }
                if (type.equals("submit") || type.equals("button")) {
                    continue;
                }
                String value = field.is("select")
                        ? field.select("option[selected]").stream().findFirst()
                        .or(() -> field.select("option").stream().findFirst()).map(o -> o.hasAttr("value")
                                ? o.attr("value") : o.text()).orElse("")
                        : field.is("textarea") ? field.text() : field.attr("value");
                query.add(enc(field.attr("name")) + "=" + enc(value));
            }
            // a submit button may send the same fields elsewhere (formaction): each is a way out of the page
            List<String> actions = new ArrayList<>(List.of(action));
            form.select("button[formaction], input[formaction]").forEach(b -> actions.add(b.attr("formaction")));
            for (String target : actions) {
                String link = sameOrigin(path, target + (query.length() == 0 ? "" : (target.contains("?") ? "&" : "?") + query));
                if (link != null) {
                    links.add(link);
                }
            }
        }
        return new ArrayList<>(links);
    }

    /** The path and query of {@code href} if it points to the service, else null. */
    private String sameOrigin(String from, String href) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")
                || href.startsWith("javascript:") || href.startsWith("data:")) {
            return null;
        }
        URI base = URI.create(service.url(from));
        URI target;
        try {
            target = base.resolve(href.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(identity, from, "malformed link " + href));
            return null;
        }
        if (target.getHost() == null || !target.getHost().equals(base.getHost()) || target.getPort() != base.getPort()) {
            return null;
        }
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return SKIPPED.matcher(path).find() ? null : path;
    }

    /**
     * The template a path probably renders: numbers and (after a known collection) slugs become placeholders, and
     * query values are dropped, so {@code /staff/registrations/12?x=1} and {@code /staff/registrations/13} share one.
     */
    static String shape(String path) {
        String withoutQuery = path.replaceAll("\\?.*", "");
        String keys = path.contains("?") ? "?" + String.join("&",
                path.substring(path.indexOf('?') + 1).replaceAll("=[^&]*", "").split("&")) : "";
        String shaped = withoutQuery.replaceAll("/\\d+(?=/|$)", "/{n}")
                .replaceAll("/(events|groups|me|calendar)/(?!new(/|$))[^/]+", "/$1/{s}")
                .replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{uuid}");
        return shaped + keys;
    }

    List<Problem> problems() {
        return problems;
    }

    Map<String, Page> pages() {
        return pages;
    }

    Map<String, String> representatives() {
        return representatives;
    }

    String identity() {
        return identity;
    }

    /** The identity's cookies, to carry its session into a real browser. */
    List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private HttpResponse<byte[]> sendBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(60))
                    .header("Accept", "text/html,*/*;q=0.8").header("Accept-Language", "fr-FR,fr;q=0.9").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
