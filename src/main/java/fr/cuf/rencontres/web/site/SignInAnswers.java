package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.staff.SessionTokens;
import fr.cuf.rencontres.web.CsrfTokens;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sign-in form's answers. A failure names why (wrong credentials, too many attempts, account locked), as the
 * code staff.SignIn gave: {@code /login?error=sign_in_throttled} (the module's handler knows one failure URL). A
 * success sets, beside the session cookie, a CSRF cookie bound to the new session (web.CsrfTokens), so the
 * forms of the signed-in pages carry a token of this session from the first page on.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SignInAnswers extends TokenCookieLoginHandler {

    private final CsrfTokens csrfTokens;
    private final CsrfConfiguration csrf;

    static final Set<String> CODES = Set.of("login_failed", "sign_in_throttled", "account_locked");

    SignInAnswers(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                      AccessTokenConfiguration accessTokenConfiguration,
                      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders,
                      CsrfTokens csrfTokens, CsrfConfiguration csrf) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.csrfTokens = csrfTokens;
        this.csrf = csrf;
    }

    @Override
    public List<Cookie> getCookies(Authentication authentication, HttpRequest<?> request) {
        List<Cookie> cookies = new ArrayList<>(super.getCookies(authentication, request));
        cookies.stream().filter(c -> c.getName().equals(SessionTokens.COOKIE)).findFirst().ifPresent(session -> {
            cookies.removeIf(c -> c.getName().equals(csrf.getCookieName()));
            cookies.add(Cookie.of(csrf.getCookieName(), csrfTokens.forSessionCookie(session.getValue()))
                    .path("/").httpOnly(true).sameSite(SameSite.Lax));
        });
        return cookies;
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String code = response.getMessage().filter(CODES::contains).orElse("login_failed");
        return HttpResponse.seeOther(URI.create("/login?error=" + code));
    }
}
