package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The base of absolute links (pages, feeds, mails): {@code rencontres.public-url} when set; otherwise the
 * scheme and host that served the current request (behind a proxy, its X-Forwarded-Proto/-Host), so a
 * service reached as https://rencontres.example never hands out http://localhost:8080 links; outside any
 * request (mails sent in the background), the local address.
 */
@Singleton
public class PublicUrl {

    private final String configured;
    private final String local;

    PublicUrl(RencontresConfiguration configuration, @Value("${micronaut.server.port:8080}") int port) {
        String url = configuration.getPublicUrl();
        this.configured = url == null || url.isBlank() ? null : url.strip().replaceAll("/+$", "");
        this.local = "http://localhost:" + port;
    }

    /** The base without trailing slash, e.g. {@code https://rencontres.cites-unies-france.org}. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        return current.map(PublicUrl::of).orElse(local);
    }

    /** Set in configuration: identities derived from it (calendar UIDs) never depend on who asked. */
    public boolean isConfigured() {
        return configured != null;
    }

    static String of(HttpRequest<?> request) {
        String host = first(request.getHeaders().get("X-Forwarded-Host"));
        if (host == null) {
            host = first(request.getHeaders().get("Host"));
        }
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return "http://localhost";
        }
        String proto = first(request.getHeaders().get("X-Forwarded-Proto"));
        String scheme = "https".equalsIgnoreCase(proto) || (proto == null && request.isSecure()) ? "https" : "http";
        return scheme + "://" + host;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",")[0].strip();
    }
}
