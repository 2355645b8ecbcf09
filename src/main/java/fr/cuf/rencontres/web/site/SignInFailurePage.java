package fr.cuf.rencontres.web.site;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The sign-in form's failure answer names why (wrong credentials, too many attempts, account locked), as the
 * code staff.SignIn gave: {@code /login?error=sign_in_throttled}. The module's handler knows one failure URL.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SignInFailurePage extends TokenCookieLoginHandler {

    static final Set<String> CODES = Set.of("login_failed", "sign_in_throttled", "account_locked");

    SignInFailurePage(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                      AccessTokenConfiguration accessTokenConfiguration,
                      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                      PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String code = response.getMessage().filter(CODES::contains).orElse("login_failed");
        return HttpResponse.seeOther(URI.create("/login?error=" + code));
    }
}
