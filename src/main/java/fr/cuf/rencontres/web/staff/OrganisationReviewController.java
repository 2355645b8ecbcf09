package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.registration.OrganisationReviews;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Organisations typed on the public form, waiting for the desk: approve, merge into another, or reject. */
@Controller("/staff/organisations/review")
@Secured({"REGISTRATION_DESK", "ADMIN"})
@Produces(MediaType.TEXT_HTML)
class OrganisationReviewController {

    private final OrganisationReviews reviews;
    private final OrganisationRepository organisations;
    private final Refusals refusals;
    private final HttpLocaleResolver locales;

    OrganisationReviewController(OrganisationReviews reviews, OrganisationRepository organisations, Refusals refusals,
                                 HttpLocaleResolver locales) {
        this.reviews = reviews;
        this.organisations = organisations;
        this.refusals = refusals;
        this.locales = locales;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return page(request, null);
    }

    @Post("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable long id, @PathVariable String action, @Body Map<String, Object> form,
                           Authentication staff, HttpRequest<?> request) {
        try {
            switch (action) {
                case "approve" -> reviews.approve(id, value(form, "name"), value(form, "country"),
                        kind(value(form, "kind")), staff.getName());
                case "merge" -> {
                    String into = value(form, "intoId");
                    if (into == null || !into.matches("\\d{1,18}")) {
                        throw DomainException.invalid("intoId", "required");
                    }
                    reviews.merge(id, Long.parseLong(into), staff.getName());
                }
                case "reject" -> reviews.reject(id, staff.getName());
                default -> throw DomainException.notFound("page_not_found");
            }
            return HttpResponse.seeOther(URI.create("/staff/organisations/review"));
        } catch (DomainException refusal) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(request, refusal));
        }
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable DomainException refusal) {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, Object> model = new HashMap<>();
        model.put("pending", reviews.pending());
        model.put("organisations", organisations.search("", 2000, 0));
        model.put("kinds", OrganisationKind.values());
        if (refusal != null) {
            model.putAll(refusals.model(locale, refusal.problems()));
        }
        return new ModelAndView<>("staff/organisation-review", model);
    }

    private static OrganisationKind kind(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OrganisationKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "invalid_choice");
        }
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof Iterable<?> many) {
            v = many.iterator().hasNext() ? many.iterator().next() : null;
        }
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }
}
