package fr.cuf.rencontres.web;

import fr.cuf.rencontres.config.AppSecrets;
import fr.cuf.rencontres.config.Hmac;
import fr.cuf.rencontres.staff.SessionTokens;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.generator.CsrfHmacTokenGenerator;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the double-submit cookie of micronaut-security-csrf: "hmac.random", signed with the shared
 * secret over the random value AND the session id of the request's session cookie (empty when signed out).
 * A token is therefore worth nothing in another session: a token pair planted in a victim's browser, or taken
 * from a signed-out page, does not pass once the victim is signed in (web.CsrfCookieFilter issues a new one).
 */
@Singleton
@Replaces(CsrfTokenGenerator.class)
public class CsrfTokens implements CsrfHmacTokenGenerator<HttpRequest<?>> {

    private final SecureRandom random = new SecureRandom();
    private final AppSecrets secrets;
    private final SessionTokens sessions;

    CsrfTokens(AppSecrets secrets, SessionTokens sessions) {
        this.secrets = secrets;
        this.sessions = sessions;
    }

    @Override
    public String generateCsrfToken(HttpRequest<?> request) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return hmac(request, value) + "." + value;
    }

    @Override
    public String hmac(HttpRequest<?> request, String randomValue) {
        return sign(sessions.sessionId(request).orElse(""), randomValue);
    }

    /** A token for the session just opened by a sign-in (the request still carries the old cookie). */
    public String forSessionCookie(String sessionCookie) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return sign(sessions.sessionId(sessionCookie).orElse(""), value) + "." + value;
    }

    private String sign(String sessionId, String randomValue) {
        return Hmac.sign(secrets.signingKey(), "csrf:" + sessionId + ":" + randomValue);
    }

    /** Whether the token was made for the session of this request. */
    public boolean boundTo(HttpRequest<?> request, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        return dot > 0 && Hmac.verify(secrets.signingKey(), "csrf:" + sessions.sessionId(request).orElse("") + ":"
                + token.substring(dot + 1), token.substring(0, dot));
    }
}
