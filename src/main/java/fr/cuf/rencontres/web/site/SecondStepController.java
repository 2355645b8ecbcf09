package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.staff.SecondStep;
import fr.cuf.rencontres.staff.SignIn;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
    private final Messages messages;
    private final HttpLocaleResolver locales;

    SecondStepController(SecondStep secondStep, SignInAnswers answers, HttpClientAddressResolver addresses,
                         Messages messages, HttpLocaleResolver locales) {
        this.secondStep = secondStep;
        this.answers = answers;
        this.addresses = addresses;
        this.messages = messages;
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
            Map<String, Object> error = Map.of("code", outcome.code(), "message",
                    messages.get(Messages.supported(locales.resolveOrDefault(request)), "error." + outcome.code()));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW,
                    Map.of("code", input.code() == null ? "" : input.code(), "errors", Map.of("code", error))));
        }
        return HttpResponse.seeOther(URI.create("/login?error=" + outcome.code()))
                .cookie(answers.challengeCookie("", request).maxAge(0));
    }
}
