package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.staff.SecondStep;
import fr.cuf.rencontres.staff.SignIn;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * The sign-in's second step: the 6-digit code of the authenticator app, or a recovery code. Reached only with the
 * challenge cookie the right password gave ({@link SignInAnswers}); the session cookie is set here, once the code
 * is right. A wrong code shows the page again with its coded message beside the field.
 */
@Produces(MediaType.TEXT_HTML)
@Controller(SecondStepController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
class SecondStepController {

    static final String PATH = "/login/code";
    private static final String VIEW = "site/login-code";

    private final SecondStep secondStep;
    private final SignInAnswers answers;
    private final HttpClientAddressResolver addresses;
    private final Refusals refusals;
    private final HttpLocaleResolver locales;

    SecondStepController(SecondStep secondStep, SignInAnswers answers, HttpClientAddressResolver addresses,
                         Refusals refusals, HttpLocaleResolver locales) {
        this.secondStep = secondStep;
        this.answers = answers;
        this.addresses = addresses;
        this.refusals = refusals;
        this.locales = locales;
    }

    @Serdeable
    @Introspected
    record CodeInput(@Nullable String code) {
    }

    @Get
    HttpResponse<?> form(@Nullable @CookieValue(SignInAnswers.CHALLENGE_COOKIE) String challenge) {
        if (!secondStep.isOpen(challenge)) {
            return HttpResponse.seeOther(URI.create("/login?error=second_factor_expired"));
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, Map.of()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@Body CodeInput input, @Nullable @CookieValue(SignInAnswers.CHALLENGE_COOKIE) String challenge,
                           HttpRequest<?> request) {
        SignIn.Outcome outcome = secondStep.attempt(challenge, input.code(), String.valueOf(addresses.resolve(request)));
        if (outcome.authentication().isPresent()) {
            MutableHttpResponse<?> signedIn = answers.loginSuccess(outcome.authentication().get(), request);
            return signedIn.cookie(answers.challengeCookie("", request).maxAge(0));
        }
        if (outcome.code().equals("second_factor_invalid") || outcome.code().equals("sign_in_throttled")) {
            return refusals.page(request, DomainException.invalid("code", outcome.code()), VIEW,
                    Map.of("code", input.code() == null ? "" : input.code()));
        }
        return HttpResponse.seeOther(URI.create("/login?error=" + outcome.code()))
                .cookie(answers.challengeCookie("", request).maxAge(0));
    }
}
