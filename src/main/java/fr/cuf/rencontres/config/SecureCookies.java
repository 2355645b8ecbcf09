package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.cookie.TokenCookieConfigurationProperties;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Whether the service's cookies (the staff session and the CSRF cookie) are marked {@code Secure}: as
 * {@code micronaut.security.token.cookie.cookie-secure} says when set; otherwise when {@code rencontres.public-url}
 * is https (behind a proxy that terminates TLS the service itself only sees http, so the request cannot tell);
 * otherwise when the request itself came over TLS. One rule for every cookie we set.
 */
@Singleton
public class SecureCookies implements BeanCreatedEventListener<TokenCookieConfigurationProperties> {

    private final boolean httpsPublicUrl;
    private Boolean configured;

    SecureCookies(@Value("${rencontres.public-url:}") String publicUrl) {
        this.httpsPublicUrl = publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** The session cookie's settings as they are created: Secure when the public URL is https, unless set. */
    @Override
    public TokenCookieConfigurationProperties onCreated(BeanCreatedEvent<TokenCookieConfigurationProperties> event) {
        TokenCookieConfigurationProperties cookie = event.getBean();
        configured = cookie.isCookieSecure().orElse(null);
        if (configured == null && httpsPublicUrl) {
            cookie.setCookieSecure(true);
            configured = true;
        }
        return cookie;
    }

    /** Whether a cookie set in answer to this request is Secure. */
    public boolean secure(HttpRequest<?> request) {
        return configured != null ? configured : request.isSecure();
    }
}
