package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffAccount;
import fr.cuf.rencontres.staff.StaffAccounts;
import fr.cuf.rencontres.staff.SecondFactors;
import fr.cuf.rencontres.staff.StaffSessions;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.web.ShowsTextProblems;
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
import io.micronaut.views.View;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff accounts, for admins: list, invite, change, disable, unlock, reset the password or another account's second
 * factor (rules in staff.StaffAccounts and staff.SecondFactors).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/accounts")
@Secured("ADMIN")
class StaffAccountsController {

    private static final String FORM = "staff/account-form";
    private static final String DETAIL = "staff/account";

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final FormPages forms;
    private final Clock clock;
    private final SecondFactors factors;

    StaffAccountsController(StaffAccounts accounts, StaffSessions sessions, AuditLog audit, FormPages forms,
                            Clock clock, SecondFactors factors) {
        this.factors = factors;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.forms = forms;
        this.clock = clock;
    }

    @Get
    @View("staff/accounts")
    Map<String, Object> list() {
        return Map.of("accounts", accounts.all());
    }

    @Get("/new")
    @View(FORM)
    Map<String, Object> newForm() {
        return formModel(AccountInput.blank());
    }

    @ShowsTextProblems
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(@Body AccountInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> accounts.invite(input.toForm(), user.getName()),
                saved -> "/staff/accounts/" + saved.id() + "?done=invited", FORM, () -> formModel(input));
    }

    @Get("/{id}")
    @View(DETAIL)
    Map<String, Object> show(@PathVariable long id, @Nullable @QueryValue String done) {
        StaffAccount account = accounts.get(id);
        Map<String, Object> model = detailModel(account, AccountInput.of(account));
        if (done != null && done.matches("[a-z_]{1,30}")) {
            model.put("done", "accounts.done." + done);
        }
        return model;
    }

    @ShowsTextProblems
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(@PathVariable long id, @Body AccountInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> accounts.update(id, input.toForm(), user.getName()),
                saved -> "/staff/accounts/" + id + "?done=saved", DETAIL, () -> detailModel(accounts.get(id), input));
    }

    @ShowsTextProblems
    @Post("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(@PathVariable long id, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> accounts.setEnabled(id, false, user.getName()),
                saved -> "/staff/accounts/" + id + "?done=disabled", DETAIL,
                () -> detailModel(accounts.get(id), AccountInput.of(accounts.get(id))));
    }

    @Post("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(@PathVariable long id, Authentication user) {
        accounts.setEnabled(id, true, user.getName());
        return FormPages.seeOther("/staff/accounts/" + id + "?done=enabled");
    }

    @Post("/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(@PathVariable long id, Authentication user) {
        accounts.unlock(id, user.getName());
        return FormPages.seeOther("/staff/accounts/" + id + "?done=unlocked");
    }

    @Post("/{id}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(@PathVariable long id, Authentication user) {
        accounts.resetPassword(id, user.getName());
        return FormPages.seeOther("/staff/accounts/" + id + "?done=reset");
    }

    @Post("/{id}/second-factor/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetSecondFactor(@PathVariable long id, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> {
                    factors.reset(id, user.getName());
                    return id;
                }, done -> "/staff/accounts/" + id + "?done=second_factor_reset", DETAIL,
                () -> detailModel(accounts.get(id), AccountInput.of(accounts.get(id))));
    }

    private Map<String, Object> detailModel(StaffAccount account, AccountInput input) {
        Map<String, Object> model = formModel(input);
        model.put("account", account);
        model.put("openSessions", sessions.openCount(account.id(), clock.instant()));
        factors.status(account.id()).ifPresent(status -> model.put("factor", status));
        model.put("history", audit.of("staff_account", account.id()));
        return model;
    }

    private static Map<String, Object> formModel(AccountInput input) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", input);
        List<String> roles = Arrays.stream(Role.values()).map(Enum::name).toList();
        model.put("roles", roles);
        return model;
    }
}
