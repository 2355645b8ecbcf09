package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.badge.QrCode;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.SecondFactorPolicy;
import fr.cuf.rencontres.staff.SecondFactors;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.LocalizedMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrolment of one's own second factor: start (a new secret), the page with its QR code and its text, then a first
 * code from the app, which activates it and shows the recovery codes once. Turning it off is on "my account".
 */
@Produces(MediaType.TEXT_HTML)
@Controller(SecondFactorController.PATH)
@Secured(Role.STAFF)
class SecondFactorController {

    static final String PATH = "/staff/me/second-factor";
    private static final String VIEW = "staff/second-factor";

    private final SecondFactors factors;
    private final SecondFactorPolicy policy;
    private final FormPages forms;
    private final LocalizedMessageSource texts;

    SecondFactorController(SecondFactors factors, SecondFactorPolicy policy, FormPages forms,
                           LocalizedMessageSource texts) {
        this.factors = factors;
        this.policy = policy;
        this.forms = forms;
        this.texts = texts;
    }

    @Serdeable
    @Introspected
    record CodeInput(@Nullable String code) {
    }

    @Get
    HttpResponse<?> show(Authentication user, HttpRequest<?> request) {
        if (factors.isActive(accountId(user))) {
            return FormPages.seeOther("/staff/me");
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model(user, request)));
    }

    @Post("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(Authentication user) {
        if (!factors.isActive(accountId(user))) {
            factors.start(user.getName());
        }
        return FormPages.seeOther(PATH);
    }

    @Post("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body CodeInput input, Authentication user, HttpRequest<?> request) {
        try {
            List<String> codes = factors.confirm(user.getName(), input.code());
            Map<String, Object> page = new HashMap<>();
            page.put("recoveryCodes", codes);
            return HttpResponse.ok(new ModelAndView<>(VIEW, page));
        } catch (DomainException e) {
            Map<String, Object> page = model(user, request);
            page.put("code", input.code());
            return forms.refused(request, e, VIEW, page);
        }
    }

    private Map<String, Object> model(Authentication user, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("required", policy.requiredFor(user.getRoles()));
        factors.pending(user.getName()).ifPresent(enrolment -> {
            model.put("enrolment", enrolment);
            model.put("qrSvg", QrCode.svg(enrolment.uri(), texts.getMessageOrDefault(
                    "accounts.factor.qr", "accounts.factor.qr"), 220));
        });
        return model;
    }

    private static long accountId(Authentication user) {
        return ((Number) user.getAttributes().get("accountId")).longValue();
    }
}
