package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.calendar.AgendaLink;
import fr.cuf.rencontres.calendar.AgendaTokens;
import fr.cuf.rencontres.registration.DetailsForm;
import fr.cuf.rencontres.registration.RegistrationChanges;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.registration.RegistrationView;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.Refusals;
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
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The personal page {@code /me/{secret}}: see the registration, change details and sessions, cancel it
 * (or a colleague's, for the submitter of a group), renew the link. The secret is the only credential.
 */
@Controller("/me/{secret}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class PersonalPageController {

    private final RegistrationViews views;
    private final RegistrationChanges changes;
    private final RegistrationPages pages;
    private final HttpLocaleResolver locales;
    private final Refusals refusals;
    private final AgendaTokens agendaTokens;
    private final BadgeService badges;
    private final fr.cuf.rencontres.invoice.RegistrantInvoices invoices;

    PersonalPageController(RegistrationViews views, RegistrationChanges changes, RegistrationPages pages,
                           HttpLocaleResolver locales, Refusals refusals, AgendaTokens agendaTokens, BadgeService badges,
                           fr.cuf.rencontres.invoice.RegistrantInvoices invoices) {
        this.invoices = invoices;
        this.agendaTokens = agendaTokens;
        this.badges = badges;
        this.views = views;
        this.changes = changes;
        this.pages = pages;
        this.locales = locales;
        this.refusals = refusals;
    }

    @Get
    ModelAndView<Map<String, Object>> show(@PathVariable String secret, HttpRequest<?> request) {
        return page(views.bySecret(secret), secret, request, null);
    }

    @Post("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> details(@PathVariable String secret, @Body DetailsForm form, HttpRequest<?> request) {
        RegistrationView self = views.bySecret(secret);
        return act(self, secret, request, () -> changes.updateDetails(self.registration().id(), form, "personal-link"));
    }

    @Post("/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sessions(@PathVariable String secret, @Body Map<String, Object> form, HttpRequest<?> request) {
        RegistrationView self = views.bySecret(secret);
        List<Long> ids = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("block.")) {
                RegistrationForm.values(v).stream().filter(s -> s.matches("\\d+")).forEach(s -> ids.add(Long.valueOf(s)));
            }
        });
        return act(self, secret, request, () -> changes.changeSessions(self.registration().id(), ids, "personal-link"));
    }

    @Post("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable String secret, @Body Map<String, Object> form, HttpRequest<?> request) {
        RegistrationView self = views.bySecret(secret);
        String target = RegistrationForm.one(form, "registrationId");
        long id = target == null || !target.matches("\\d+") ? self.registration().id() : Long.parseLong(target);
        return act(self, secret, request, () -> changes.cancel(changes.authorise(self, id), "personal-link", true));
    }

    @Post("/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> renew(@PathVariable String secret, HttpRequest<?> request) {
        RegistrationView self = views.bySecret(secret);
        String fresh = changes.renewLink(self.registration().id(), "personal-link");
        return HttpResponse.ok(page(views.bySecret(fresh), fresh, request, null).getModel()
                .map(m -> {
                    Map<String, Object> model = new java.util.HashMap<>(m);
                    model.put("renewed", true);
                    return new ModelAndView<>("site/me", model);
                }).orElseThrow());
    }

    /** The person's own badge, as printed at the desk (refused once the registration is cancelled). */
    @Get("/badge.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> badge(@PathVariable String secret) {
        RegistrationView self = views.bySecret(secret);
        if (self.registration().status() == RegistrationStatus.CANCELLED) {
            throw DomainException.conflict("registration_cancelled");
        }
        return HttpResponse.ok(badges.pdfFor(self.registration().id()))
                .header("Content-Disposition", "inline; filename=\"badge.pdf\"")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }

    /** A new address for the person's agenda feed, shown once; earlier addresses stop working. */
    @Post("/calendar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> calendar(@PathVariable String secret, HttpRequest<?> request) {
        RegistrationView self = views.bySecret(secret);
        AgendaLink agenda = agendaTokens.renew(self.registration().id(), "personal-link");
        ModelAndView<Map<String, Object>> page = page(self, secret, request, null);
        page.getModel().orElseThrow().put("agenda", agenda);
        return HttpResponse.ok(page).header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin");
    }

    private HttpResponse<?> act(RegistrationView self, String secret, HttpRequest<?> request, Runnable action) {
        try {
            action.run();
            return HttpResponse.ok(page(views.get(self.registration().id()), secret, request, "me.saved"));
        } catch (DomainException refusal) {
            return refusals.page(request, refusal, "site/me", page(views.get(self.registration().id()), secret, request, null)
                    .getModel().orElseThrow());
        }
    }

    private ModelAndView<Map<String, Object>> page(RegistrationView v, String secret, HttpRequest<?> request,
                                                   String notice) {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, Object> model = pages.personal(v, secret, locale);
        model.put("documents", invoices.of(v.registration().id()));
        if (notice != null) {
            model.put("notice", notice);
        }
        return new ModelAndView<>("site/me", model);
    }
}
