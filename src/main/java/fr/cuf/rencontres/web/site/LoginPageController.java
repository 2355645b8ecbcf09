package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.demo.DemoDataLoader;
import fr.cuf.rencontres.staff.DemoDatabase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Map;

/**
 * The staff sign-in form; the POST is handled by Micronaut Security's login endpoint. On the demo database it names
 * the demo accounts and their password, as the README does (they exist nowhere else).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginPageController {

    private static final java.util.Set<String> DONE = java.util.Set.of("password_changed", "password_set");

    private final DemoDatabase demoDatabase;

    LoginPageController(DemoDatabase demoDatabase) {
        this.demoDatabase = demoDatabase;
    }

    @Get
    @View("site/login")
    Map<String, Object> form(@Nullable @QueryValue String error, @Nullable @QueryValue String done) {
        Map<String, Object> model = new HashMap<>();
        if (demoDatabase.isDemo()) {
            model.put("demoPassword", DemoDataLoader.DEMO_PASSWORD);
        }
        if (error == null) {
            if (done != null && DONE.contains(done)) {
                model.put("done", "accounts.login." + done);
            }
            return model;
        }
        String code = SignInAnswers.CODES.contains(error) ? error : "login_failed";
        model.put("failed", true);
        model.put("code", code);
        model.put("message", "error." + code);
        return model;
    }
}
