package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.http.RegistrationRateLimit;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.registration.PersonalLinks;
import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.registration.OpenEvents;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public registration form, its confirmation page and the organisation search behind it. */
@Controller("/events/{slug}/register")
@Secured(SecurityRule.IS_ANONYMOUS)
class RegistrationPageController {

    private final RegistrationService registrations;
    private final OpenEvents openEvents;
    private final RegistrationPages pages;
    private final OrganisationRepository organisations;
    private final HttpLocaleResolver locales;
    private final Refusals refusals;
    private final RegistrationRateLimit rateLimit;
    private final PersonalLinks links;

    RegistrationPageController(RegistrationService registrations, OpenEvents openEvents, RegistrationPages pages,
                               OrganisationRepository organisations, HttpLocaleResolver locales, Refusals refusals,
                               RegistrationRateLimit rateLimit, PersonalLinks links) {
        this.links = links;
        this.rateLimit = rateLimit;
        this.registrations = registrations;
        this.openEvents = openEvents;
        this.pages = pages;
        this.organisations = organisations;
        this.locales = locales;
        this.refusals = refusals;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> show(@PathVariable String slug, @Nullable @QueryValue String q, HttpRequest<?> request) {
        Event event;
        try {
            event = openEvents.open(slug, Submission.form(null));
        } catch (DomainException notOpen) {
            if (notOpen.kind() != DomainException.Kind.CONFLICT) {
                throw notOpen;
            }
            // not open yet, or closed: a page that says when (in words) and leads back to the event
            return refusals.page(request, notOpen, "site/register-closed", Map.of("event", pages.publicEvent(slug)));
        }
        return HttpResponse.ok(new ModelAndView<>("site/register", pages.form(event, locale(request), Map.of(), null, q)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> submit(@PathVariable String slug, @Body Map<String, Object> form, HttpRequest<?> request) {
        java.util.Optional<HttpResponse<?>> limited = rateLimit.refusal(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        Locale locale = locale(request);
        Event event = openEvents.open(slug, Submission.form(null));
        try {
            List<fr.cuf.rencontres.support.Problem> typed = fr.cuf.rencontres.web.TextInputFilter.problems(request);
            if (!typed.isEmpty()) {
                throw DomainException.invalid(typed.stream().map(RegistrationForm::asRequestProblem).toList());
            }
            if (RegistrationForm.one(form, "website") != null) {
                throw DomainException.invalid(List.of(fr.cuf.rencontres.support.Problem.of("spam_suspected")));
            }
            RegistrationOutcome outcome = registrations.register(slug, RegistrationForm.read(form, locale.getLanguage()),
                    Submission.form(RegistrationForm.one(form, "idempotencyKey")));
            Map<String, Object> model = new HashMap<>();
            model.put("event", event);
            model.put("outcome", outcome);
            model.put("link", links.url(outcome.secret())); // absolute: people copy it, or open it on another device
            model.put("pendingPayment", outcome.status() == fr.cuf.rencontres.registration.RegistrationStatus.PENDING_PAYMENT);
            model.put("free", outcome.quote().free());
            model.put("categoryLabel", outcome.quote().categoryCode() == null ? null
                    : Languages.english(locale) ? outcome.quote().labelEn() : outcome.quote().labelFr());
            return HttpResponse.ok(new ModelAndView<>("site/registered", model));
        } catch (DomainException refusal) {
            return refusals.page(request, refusal, "site/register",
                    pages.form(event, locale, RegistrationForm.echo(form), refusal, null));
        }
    }

    /**
     * The price one person would pay, for the form to show before confirming: {@code price} ("0,00 €") and
     * {@code reason} (what decides it: "member 2026", "foreign authority", "speaker"…). Needs a type.
     */
    @Get("/price")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> price(@PathVariable String slug, @Nullable @QueryValue String organisationId,
                              @Nullable @QueryValue String participantType, @Nullable @QueryValue String attendanceDay,
                              HttpRequest<?> request) {
        return pages.price(openEvents.open(slug, Submission.form(null)), organisationId, participantType,
                attendanceDay, locale(request));
    }

    /** Search-as-you-type: organisations whose name, town or SIREN matches (public registry data). */
    @Get("/organisations")
    @Produces(MediaType.APPLICATION_JSON)
    List<Map<String, Object>> search(@PathVariable String slug, @Nullable @QueryValue String q) {
        if (q == null || q.strip().length() < 2) {
            return List.of();
        }
        return organisations.search(q.strip(), 20, 0).stream().map(o -> Map.<String, Object>of("id", o.id(),
                "name", o.name(), "city", o.city() == null ? "" : o.city(), "country", o.country())).toList();
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
