package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.config.SecureCookies;
import fr.cuf.rencontres.staff.SecondStep;
import fr.cuf.rencontres.staff.SessionTokens;
import fr.cuf.rencontres.staff.SignIn;
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
 * <p>
 * The right password of an account with a second factor ({@code staff.SignIn#SECOND_STEP}) sets no session cookie:
 * only a short-lived challenge cookie (path /login, {@code staff.SecondStep#VALID}), and sends to the code page
 * ({@link SecondStepController}), which calls {@link #loginSuccess} again once the code is right.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SignInAnswers extends TokenCookieLoginHandler {

    private final CsrfTokens csrfTokens;
    private final CsrfConfiguration csrf;

    static final Set<String> CODES = Set.of("login_failed", "sign_in_throttled", "account_locked",
            "second_factor_expired");
    static final String CHALLENGE_COOKIE = "rencontres_second_step";

    private final SecondStep secondStep;
    private final SecureCookies secureCookies;

    SignInAnswers(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                      AccessTokenConfiguration accessTokenConfiguration,
                      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders,
                      CsrfTokens csrfTokens, CsrfConfiguration csrf, SecondStep secondStep,
                  SecureCookies secureCookies) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.csrfTokens = csrfTokens;
        this.csrf = csrf;
        this.secondStep = secondStep;
        this.secureCookies = secureCookies;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        if (!Boolean.TRUE.equals(authentication.getAttributes().get(SignIn.SECOND_STEP))) {
            return super.loginSuccess(authentication, request);
        }
        String challenge = secondStep.begin(((Number) authentication.getAttributes().get("accountId")).longValue());
        return HttpResponse.seeOther(URI.create(SecondStepController.PATH)).cookie(challengeCookie(challenge, request)
                .maxAge(SecondStep.VALID));
    }

    Cookie challengeCookie(String value, HttpRequest<?> request) {
        return Cookie.of(CHALLENGE_COOKIE, value).path("/login").httpOnly(true).sameSite(SameSite.Strict)
                .secure(secureCookies.secure(request));
    }

    @Override
    public List<Cookie> getCookies(Authentication authentication, HttpRequest<?> request) {
        List<Cookie> cookies = new ArrayList<>(super.getCookies(authentication, request));
        cookies.stream().filter(c -> c.getName().equals(SessionTokens.COOKIE)).findFirst().ifPresent(session -> {
            cookies.removeIf(c -> c.getName().equals(csrf.getCookieName()));
            cookies.add(Cookie.of(csrf.getCookieName(), csrfTokens.forSessionCookie(session.getValue()))
                    .path("/").httpOnly(true).sameSite(SameSite.Lax).secure(session.isSecure()));
        });
        return cookies;
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String code = response.getMessage().filter(CODES::contains).orElse("login_failed");
        return HttpResponse.seeOther(URI.create("/login?error=" + code));
    }
}
