package fr.cuf.rencontres.web.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The staff sign-in form; the POST is handled by Micronaut Security's login endpoint. */
@Produces(MediaType.TEXT_HTML)
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginPageController {

    private static final java.util.Set<String> DONE = java.util.Set.of("password_changed", "password_set");

    @Get
    @View("site/login")
    Map<String, Object> form(@Nullable @QueryValue String error, @Nullable @QueryValue String done) {
        if (error == null) {
            return done != null && DONE.contains(done) ? Map.of("done", "accounts.login." + done) : Map.of();
        }
        String code = SignInAnswers.CODES.contains(error) ? error : "login_failed";
        return Map.of("failed", true, "code", code, "message", "error." + code);
    }
}
