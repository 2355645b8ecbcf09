package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonForm;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.member.PersonService;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * People (elected officials and officers) and their organisation. Admins and the desk write; programme
 * staff read (chairs and speakers). The door staff (SCANNER) do not read this directory of names and
 * e-mails: at the door they look people up on the scanning page only.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/persons")
@Secured({"ADMIN", "PROGRAMME", "REGISTRATION_DESK"})
class PersonPagesController {

    private static final int PAGE_SIZE = 25;
    private static final String FORM = "staff/person-form";

    private final PersonService service;
    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final FormPages forms;
    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final AuditLog audit;

    PersonPagesController(PersonService service, PersonRepository persons, OrganisationRepository organisations,
                          FormPages forms, RegistrationRepository registrations, EventRepository events,
                          AuditLog audit) {
        this.service = service;
        this.persons = persons;
        this.organisations = organisations;
        this.forms = forms;
        this.registrations = registrations;
        this.events = events;
        this.audit = audit;
    }

    /** One person: who they are, their organisation, their registrations to events, the history of changes. */
    @Get("/{id}")
    @View("staff/person")
    Map<String, Object> one(@PathVariable long id) {
        Person person = service.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        if (person.organisationId() != null) {
            organisations.findById(person.organisationId()).ifPresent(o -> model.put("organisation", o));
        }
        List<Registration> theirs = registrations.findByPersonId(id);
        List<Long> eventIds = theirs.stream().map(Registration::eventId).distinct().toList();
        Map<Long, Event> eventsById = (eventIds.isEmpty() ? List.<Event>of() : events.findByIdIn(eventIds)).stream().collect(Collectors.toMap(Event::id, Function.identity()));
        model.put("registrations", theirs.stream()
                .filter(r -> eventsById.containsKey(r.eventId()))
                .sorted(java.util.Comparator.comparing((Registration r) -> eventsById.get(r.eventId()).startsAt()).reversed())
                .map(r -> Map.of("registration", r, "event", eventsById.get(r.eventId()))).toList());
        model.put("history", audit.of("person", id));
        return model;
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

    @ShowsTextProblems
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

    @ShowsTextProblems
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
