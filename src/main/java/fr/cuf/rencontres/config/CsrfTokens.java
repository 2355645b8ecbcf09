package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.generator.CsrfHmacTokenGenerator;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the double-submit cookie of micronaut-security-csrf: "hmac.random", signed with
 * the shared secret (so no per-instance state and no extra setting).
 */
@Singleton
@Replaces(CsrfTokenGenerator.class)
class CsrfTokens implements CsrfHmacTokenGenerator<HttpRequest<?>> {

    private final SecureRandom random = new SecureRandom();
    private final AppSecrets secrets;

    CsrfTokens(AppSecrets secrets) {
        this.secrets = secrets;
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
        return Hmac.sign(secrets.signingKey(), "csrf:" + randomValue);
    }
}
