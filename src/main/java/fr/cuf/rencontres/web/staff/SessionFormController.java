package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionEditor;
import fr.cuf.rencontres.schedule.SessionForm;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.SessionSpeaker;
import fr.cuf.rencontres.schedule.SessionGroup;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Create and edit a session of an event (its place in the grid is set on the grid). */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable/sessions")
@Secured({"ADMIN", "PROGRAMME"})
class SessionFormController {

    private final EventService events;
    private final SessionEditor editor;
    private final SessionRepository sessions;
    private final PersonRepository persons;
    private final GroupRepository groups;
    private final Messages messages;
    private final HttpLocaleResolver locales;

    SessionFormController(EventService events, SessionEditor editor, SessionRepository sessions,
                          PersonRepository persons, GroupRepository groups, Messages messages,
                          HttpLocaleResolver locales) {
        this.events = events;
        this.editor = editor;
        this.sessions = sessions;
        this.persons = persons;
        this.groups = groups;
        this.messages = messages;
        this.locales = locales;
    }

    @View("staff/session-form")
    @Get("/new")
    HttpResponse<?> blank(@PathVariable String slug) {
        return HttpResponse.ok(page(events.bySlug(slug), null, new SessionForm(null, null, SessionKind.WORKSHOP, null,
                List.of(), List.of(), false, null, null, "fr", false, false, 90), Map.of()));
    }

    @View("staff/session-form")
    @Get("/{id}/edit")
    HttpResponse<?> edit(@PathVariable String slug, @PathVariable long id) {
        Event event = events.bySlug(slug);
        Session s = editor.get(event.id(), id);
        return HttpResponse.ok(page(event, id, SessionForm.of(s,
                sessions.findSpeakers(List.of(id)).stream().map(SessionSpeaker::personId).toList(),
                sessions.findGroups(List.of(id)).stream().map(SessionGroup::groupId).toList()), Map.of()));
    }

    @View("staff/session-form")
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @PathVariable String slug, @Body SessionForm form,
                           Authentication user) {
        Event event = events.bySlug(slug);
        try {
            Session s = editor.create(event.id(), form, user.getName());
            return HttpResponse.seeOther(URI.create("/staff/events/" + slug + "/timetable?session=" + s.id() + "#place"));
        } catch (DomainException e) {
            return refused(request, event, null, form, e);
        }
    }

    @View("staff/session-form")
    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id,
                           @Body SessionForm form, Authentication user) {
        Event event = events.bySlug(slug);
        try {
            editor.update(event.id(), id, form, user.getName());
            return HttpResponse.seeOther(URI.create("/staff/events/" + slug + "/timetable"));
        } catch (DomainException e) {
            return refused(request, event, id, form, e);
        }
    }

    private HttpResponse<?> refused(HttpRequest<?> request, Event event, Long id, SessionForm form, DomainException e) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        return FormErrors.page(page(event, id, form,
                FormErrors.of(e, messages, Messages.supported(locales.resolveOrDefault(request)))));
    }

    private Map<String, Object> page(Event event, Long id, SessionForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("sessionId", id);
        model.put("form", form);
        model.put("errors", errors);
        model.put("kinds", SessionKind.values());
        List<Long> speakers = form.speakerIds() == null ? List.of() : form.speakerIds();
        List<Long> chosenGroups = form.groupIds() == null ? List.of() : form.groupIds();
        model.put("persons", persons.findAll().stream().sorted(Comparator.comparing(Person::lastName))
                .map(p -> Map.of("id", p.id(), "name", p.lastName() + " " + p.firstName(),
                        "speaker", speakers.contains(p.id()))).toList());
        model.put("groups", groups.findAll().stream().map(g -> Map.of("id", g.id(), "name", g.name(),
                "chosen", chosenGroups.contains(g.id()))).toList());
        return model;
    }
}
