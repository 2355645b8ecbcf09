package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.ApiTokens;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffAccount;
import fr.cuf.rencontres.staff.PasswordChange;
import fr.cuf.rencontres.staff.SecondFactorPolicy;
import fr.cuf.rencontres.staff.SecondFactors;
import fr.cuf.rencontres.staff.StaffDirectory;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.ShowsTextProblems;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Map;

/**
 * A staff member's own account: change the password, the second factor (state, link to enrol, turn off), create
 * and revoke API tokens.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/me")
@Secured(Role.STAFF)
class MyAccountController {

    private static final String VIEW = "staff/me";

    private final StaffDirectory directory;
    private final PasswordChange passwords;
    private final ApiTokens tokens;
    private final FormPages forms;
    private final SecondFactors factors;
    private final SecondFactorPolicy policy;

    MyAccountController(StaffDirectory directory, PasswordChange passwords, ApiTokens tokens, FormPages forms,
                        SecondFactors factors, SecondFactorPolicy policy) {
        this.directory = directory;
        this.passwords = passwords;
        this.tokens = tokens;
        this.forms = forms;
        this.factors = factors;
        this.policy = policy;
    }

    @Serdeable
    @Introspected
    record FactorOffInput(@Nullable String current, @Nullable String code) {
    }

    @Serdeable
    @Introspected
    record PasswordInput(@Nullable String current, @Nullable String password, @Nullable String confirmation) {
    }

    @Serdeable
    @Introspected
    record TokenInput(@Nullable String name) {
    }

    @Get
    @View(VIEW)
    Map<String, Object> show(Authentication user, @Nullable @QueryValue String done) {
        Map<String, Object> model = model(user);
        if ("second_factor_disabled".equals(done)) {
            model.put("done", "accounts.factor.disabled");
        }
        return model;
    }

    @ShowsTextProblems
    @Post("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(@Body PasswordInput input, Authentication user, HttpRequest<?> request) {
        // the change ends every session, this one too: sign in again with the new password
        return forms.submit(request, () -> {
            passwords.change(user.getName(), input.current(), input.password(), input.confirmation());
            return user;
        }, u -> "/login?done=password_changed", VIEW, () -> model(user));
    }

    @Post("/second-factor/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> turnOffSecondFactor(@Body FactorOffInput input, Authentication user, HttpRequest<?> request) {
        try {
            factors.turnOff(user.getName(), input.current(), input.code());
            return FormPages.seeOther("/staff/me?done=second_factor_disabled");
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            Map<String, Object> page = model(user);
            page.put("factorCode", input.code());
            page.put("factorErrors", forms.errors(request, e.problems()).get("errors"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, page));
        }
    }

    @Post("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createToken(@Body TokenInput input, Authentication user, HttpRequest<?> request) {
        try {
            String token = tokens.create(user.getName(), input.name());
            Map<String, Object> page = model(user);
            page.put("newToken", token);
            page.put("newTokenName", input.name().strip());
            return HttpResponse.ok(new ModelAndView<>(VIEW, page));
        } catch (DomainException e) {
            Map<String, Object> page = model(user);
            page.put("tokenName", input.name());
            page.put("tokenErrors", forms.errors(request, e.problems()).get("errors"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, page));
        }
    }

    @Post("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(@PathVariable long id, Authentication user) {
        tokens.revoke(user.getName(), id);
        return FormPages.seeOther("/staff/me");
    }

    private Map<String, Object> model(Authentication user) {
        StaffAccount account = directory.find(user.getName()).orElseThrow(() -> DomainException.notFound("account_not_found"));
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("tokens", tokens.of(account.id()));
        factors.status(account.id()).ifPresent(status -> model.put("factor", status));
        model.put("factorRequired", policy.requiredFor(user.getRoles()));
        return model;
    }
}
