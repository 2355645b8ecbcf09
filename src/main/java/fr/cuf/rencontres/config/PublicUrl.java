package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The base of absolute links (pages, feeds, mails): {@code rencontres.public-url} when set; otherwise the
 * scheme and host that served the current request (behind a proxy listed in {@code rencontres.http.trusted-proxies},
 * its X-Forwarded-Proto/-Host; from anyone else those headers are ignored, so a client cannot put another site
 * into the links it is given), so a service reached as https://rencontres.example never hands out
 * http://localhost:8080 links; outside any request (mails sent in the background), the local address. Production
 * sets the URL: the Host header is the client's word too.
 */
@Singleton
public class PublicUrl {

    private final String configured;
    private final String local;

    private final TrustedProxyAddressResolver proxies;

    PublicUrl(RencontresConfiguration configuration, @Value("${micronaut.server.port:8080}") int port,
              TrustedProxyAddressResolver proxies) {
        this.proxies = proxies;
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
        return current.map(request -> of(request, proxies.fromTrustedProxy(request))).orElse(local);
    }

    /** Set in configuration: identities derived from it (calendar UIDs) never depend on who asked. */
    public boolean isConfigured() {
        return configured != null;
    }

    static String of(HttpRequest<?> request, boolean fromTrustedProxy) {
        String host = fromTrustedProxy ? first(request.getHeaders().get("X-Forwarded-Host")) : null;
        if (host == null) {
            host = first(request.getHeaders().get("Host"));
        }
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return "http://localhost";
        }
        String proto = fromTrustedProxy ? first(request.getHeaders().get("X-Forwarded-Proto")) : null;
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
