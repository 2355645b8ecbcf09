package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.staff.PasswordLinks;
import fr.cuf.rencontres.staff.StaffAccount;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The one-time link of an invitation or a reset: the account chooses its password (rules in staff.PasswordLinks). */
@Produces(MediaType.TEXT_HTML)
@Controller("/account/password")
@Secured(SecurityRule.IS_ANONYMOUS)
class PasswordLinkController {

    private static final String VIEW = "site/set-password";

    private final PasswordLinks links;
    private final Refusals refusals;
    private final HttpLocaleResolver locales;

    PasswordLinkController(PasswordLinks links, Refusals refusals, HttpLocaleResolver locales) {
        this.links = links;
        this.refusals = refusals;
        this.locales = locales;
    }

    @Serdeable
    @Introspected
    record PasswordInput(@Nullable String password, @Nullable String confirmation) {
    }

    @Get("/{secret}")
    HttpResponse<?> form(@PathVariable String secret) {
        Optional<StaffAccount> account = links.accountOf(secret);
        Map<String, Object> model = new HashMap<>();
        account.ifPresentOrElse(a -> model.put("username", a.username()), () -> model.put("invalid", true));
        return page(account.isPresent() ? HttpStatus.OK : HttpStatus.GONE, model);
    }

    @Post("/{secret}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> set(@PathVariable String secret, @Body PasswordInput input, HttpRequest<?> request) {
        try {
            links.setPassword(secret, input.password(), input.confirmation());
            return HttpResponse.seeOther(URI.create("/login?done=password_set"));
        } catch (DomainException e) {
            Map<String, Object> model = new HashMap<>();
            links.accountOf(secret).ifPresentOrElse(a -> model.put("username", a.username()), () -> model.put("invalid", true));
            // a refusal of the link as a whole is shown beside the password
            model.putAll(refusals.model(request, e.problems().stream()
                    .map(p -> p.field() == null ? new Problem(p.code(), "password", p.args()) : p).toList()));
            return page(e.kind() == DomainException.Kind.NOT_FOUND ? HttpStatus.GONE : HttpStatus.UNPROCESSABLE_ENTITY,
                    model);
        }
    }

    private static HttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(VIEW, model));
    }
}
