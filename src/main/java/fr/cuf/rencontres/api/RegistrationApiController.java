package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.RegistrationRateLimit;
import fr.cuf.rencontres.registration.PersonalLinks;
import fr.cuf.rencontres.registration.RegistrationChanges;
import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.RegistrationView;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Optional;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Registrations over JSON. Registering is public (rate-limited, idempotent with an Idempotency-Key);
 * reading one is for the registration desk; cancelling needs the personal secret in
 * {@code X-Personal-Secret}.
 */
@Controller("/api/v1")
class RegistrationApiController {

    private final RegistrationService registrations;
    private final RegistrationViews views;
    private final RegistrationChanges changes;
    private final PersonalLinks links;
    private final RegistrationRateLimit rateLimit;

    private final io.micronaut.http.server.util.locale.HttpLocaleResolver locales;
    private final fr.cuf.rencontres.invoice.RegistrantInvoices invoices;

    RegistrationApiController(RegistrationService registrations, RegistrationViews views, RegistrationChanges changes,
                              PersonalLinks links, RegistrationRateLimit rateLimit,
                              io.micronaut.http.server.util.locale.HttpLocaleResolver locales,
                              fr.cuf.rencontres.invoice.RegistrantInvoices invoices) {
        this.invoices = invoices;
        this.locales = locales;
        this.rateLimit = rateLimit;
        this.registrations = registrations;
        this.views = views;
        this.changes = changes;
        this.links = links;
    }

    @Post("/events/{slug}/registrations")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> register(@PathVariable String slug, @Body RegistrationRequest request,
                             @Nullable @Header("Idempotency-Key") String idempotencyKey, HttpRequest<?> http) {
        Optional<HttpResponse<?>> limited = rateLimit.refusal(http);
        if (limited.isPresent()) {
            return limited.get();
        }
        String language = locales.resolveOrDefault(http).getLanguage();
        RegistrationOutcome outcome = registrations.register(slug, request.inLanguageIfMissing(language),
                Submission.api(blankToNull(idempotencyKey)));
        RegistrationJson body = RegistrationJson.of(outcome, links::url);
        return outcome.replayed()
                ? HttpResponse.<RegistrationJson>status(HttpStatus.OK).header("Idempotent-Replayed", "true").body(body)
                : HttpResponse.created(body);
    }

    @Get("/registrations/{id}")
    @Secured({"REGISTRATION_DESK", "ADMIN"})
    RegistrationJson get(@PathVariable long id) {
        return RegistrationJson.of(views.get(id), r -> invoices.currentInvoiceNumber(r).orElse(null));
    }

    @Delete("/registrations/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> cancel(@PathVariable long id, @Nullable @Header("X-Personal-Secret") String secret) {
        RegistrationView self = views.find(secret).orElseThrow(() -> DomainException.forbidden("not_your_registration"));
        changes.cancel(changes.authorise(self, id), "personal-link", true);
        return HttpResponse.noContent();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
