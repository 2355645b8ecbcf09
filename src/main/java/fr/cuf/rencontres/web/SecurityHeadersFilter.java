package fr.cuf.rencontres.web;

import fr.cuf.rencontres.config.RencontresConfiguration;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The browser protections every answer carries: no framing by other sites, no MIME sniffing, a referrer policy that
 * keeps paths (personal links) inside the site, and a Content-Security-Policy without inline scripts (pages load
 * their scripts from /assets; a {@code <script type="application/json">} data block is not a script). Staff and
 * personal pages are never stored by a browser or proxy cache. HSTS is sent when the public address is https.
 * A header a controller already set (a feed's own Referrer-Policy or Cache-Control) is kept.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final boolean https;

    SecurityHeadersFilter(RencontresConfiguration configuration) {
        this.https = configuration.getPublicUrl() != null && configuration.getPublicUrl().startsWith("https://");
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpHeaders headers = response.getHeaders();
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Referrer-Policy", "same-origin");
        setIfAbsent(response, "Content-Security-Policy", CSP);
        String path = request.getPath();
        if (path.equals("/staff") || path.startsWith("/staff/") || path.startsWith("/me/") || path.equals("/login")) {
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                response.header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        }
        if (https) {
            setIfAbsent(response, "Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static void setIfAbsent(MutableHttpResponse<?> response, String name, String value) {
        if (!response.getHeaders().contains(name)) {
            response.header(name, value);
        }
    }
}
