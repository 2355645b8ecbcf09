package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonForm;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.member.PersonService;
import fr.cuf.rencontres.staff.Role;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** People (elected officials and officers) and their organisation. Admins and the desk write. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/persons")
// persons carry e-mails and telephones: not for the scanner role, which only works at the doors
@Secured({"ADMIN", "REGISTRATION_DESK", "PROGRAMME"})
class PersonPagesController {

    private static final int PAGE_SIZE = 25;
    private static final String FORM = "staff/person-form";

    private final PersonService service;
    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final FormPages forms;

    PersonPagesController(PersonService service, PersonRepository persons, OrganisationRepository organisations,
                          FormPages forms) {
        this.service = service;
        this.persons = persons;
        this.organisations = organisations;
        this.forms = forms;
    }

    @Get
    @View("staff/persons")
    Map<String, Object> list(@Nullable @QueryValue String q, @Nullable @QueryValue Long organisationId,
                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Long saved) {
        String query = Parse.blank(q) ? null : q.strip();
        Paging paging = Paging.of(page, PAGE_SIZE, persons.countSearch(query, organisationId));
        List<Person> found = persons.search(query, organisationId, PAGE_SIZE, paging.offset());
        Map<Long, Organisation> orgs = organisations.findByIdIn(found.stream().map(Person::organisationId)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", found.stream().map(p -> row(p, orgs.get(p.organisationId()))).toList());
        model.put("paging", paging.model());
        if (query != null) {
            model.put("q", query);
        }
        if (organisationId != null) {
            organisations.findById(organisationId).ifPresent(o -> model.put("organisation", o));
        }
        if (saved != null) {
            persons.findById(saved).ifPresent(p -> model.put("saved", p));
        }
        return model;
    }

    @Get("/new")
    @View(FORM)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    Map<String, Object> newForm(@Nullable @QueryValue Long organisationId) {
        return formModel(null, PersonInput.blank(organisationId));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> create(@Body PersonInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> service.create(input.toForm(), user.getName()),
                saved -> "/staff/persons?saved=" + saved.id(), FORM, () -> formModel(null, input));
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    Map<String, Object> edit(@PathVariable long id) {
        Person person = service.get(id);
        return formModel(person, PersonInput.of(PersonForm.of(person)));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "REGISTRATION_DESK"})
    HttpResponse<?> update(@PathVariable long id, @Body PersonInput input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, () -> service.update(id, input.toForm(), user.getName()),
                saved -> "/staff/persons?saved=" + id, FORM, () -> formModel(service.get(id), input));
    }

    private static Map<String, Object> row(Person p, @Nullable Organisation o) {
        Map<String, Object> row = new HashMap<>();
        row.put("person", p);
        if (o != null) {
            row.put("organisation", o);
        }
        return row;
    }

    private Map<String, Object> formModel(@Nullable Person person, PersonInput input) {
        Map<String, Object> model = new HashMap<>();
        if (person != null) {
            model.put("person", person);
        }
        model.put("form", input);
        model.put("organisations", organisations.findAllOrderByName());
        return model;
    }
}
