package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.staff.Role;
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
import java.time.Year;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Organisations and their yearly memberships. Every staff member reads; admins and the desk write. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/organisations")
@Secured(Role.STAFF)
class OrganisationPagesController {

    private static final int PAGE_SIZE = 25;
    private static final String FORM = "staff/organisation-form";
    private static final String DETAIL = "staff/organisation";

    private final OrganisationService service;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final PersonRepository persons;
    private final AuditLog audit;
    private final FormPages forms;
    private final Clock clock;

    OrganisationPagesController(OrganisationService service, OrganisationRepository organisations,
                                MembershipRepository memberships, PersonRepository persons, AuditLog audit,
                                FormPages forms, Clock clock) {
        this.service = service;
        this.organisations = organisations;
        this.memberships = memberships;
        this.persons = persons;
        this.audit = audit;
        this.forms = forms;
        this.clock = clock;
    }

    @Get
    @View("staff/organisations")
    Map<String, Object> list(@Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        String query = Parse.blank(q) ? null : q.strip();
        Paging paging = Paging.of(page, PAGE_SIZE, organisations.countSearch(query));
        int year = Year.now(clock).getValue();
        Set<Long> members = new HashSet<>(memberships.findOrganisationIdsByYear(year));
        List<Map<String, Object>> rows = organisations.search(query, PAGE_SIZE, paging.offset()).stream()
                .map(o -> Map.<String, Object>of("organisation", o, "member", members.contains(o.id())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("year", year);
        model.put("paging", paging.model());
        if (query != null) {
            model.put("q", query);
        }
        return model;
    }

    @Get("/new")
    @View(FORM)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    Map<String, Object> newForm() {
        return formModel(null, OrganisationInput.blank());
    }

    @ShowsTextProblems
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> create(@Body OrganisationInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> service.create(input.toForm(), user.getName()),
                saved -> "/staff/organisations/" + saved.id(), FORM, () -> formModel(null, input));
    }

    @Get("/{id}")
    @View(DETAIL)
    Map<String, Object> show(@PathVariable long id) {
        return detailModel(id, null);
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    Map<String, Object> edit(@PathVariable long id) {
        Organisation organisation = service.get(id);
        return formModel(organisation, OrganisationInput.of(OrganisationForm.of(organisation)));
    }

    @ShowsTextProblems
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> update(@PathVariable long id, @Body OrganisationInput input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, () -> service.update(id, input.toForm(), user.getName()),
                saved -> "/staff/organisations/" + id, FORM, () -> formModel(service.get(id), input));
    }

    @ShowsTextProblems
    @Post("/{id}/memberships")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> addMembership(@PathVariable long id, @Body MembershipInput input, Authentication user,
                                  HttpRequest<?> request) {
        return forms.submit(request, () -> {
            service.addMembership(id, input.year(), user.getName());
            return id;
        }, done -> "/staff/organisations/" + id, DETAIL, () -> detailModel(id, input.membershipYear()));
    }

    @Post("/{id}/memberships/{year}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> removeMembership(@PathVariable long id, @PathVariable int year, Authentication user) {
        service.removeMembership(id, year, user.getName());
        return FormPages.seeOther("/staff/organisations/" + id);
    }

    private Map<String, Object> detailModel(long id, @Nullable String yearTyped) {
        Organisation organisation = service.get(id);
        int year = Year.now(clock).getValue();
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", organisation);
        model.put("year", year);
        model.put("member", service.isMember(id, year));
        model.put("years", service.membershipYears(id));
        model.put("yearInput", yearTyped != null ? yearTyped : String.valueOf(year));
        model.put("persons", persons.findByOrganisationIdOrderByLastName(id));
        model.put("history", audit.of("organisation", id));
        return model;
    }

    private static Map<String, Object> formModel(@Nullable Organisation organisation, OrganisationInput input) {
        Map<String, Object> model = new HashMap<>();
        if (organisation != null) {
            model.put("organisation", organisation);
        }
        model.put("form", input);
        model.put("kinds", OrganisationKind.values());
        return model;
    }
}
