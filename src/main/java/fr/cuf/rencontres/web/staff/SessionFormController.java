package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionEditor;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.SessionSpeaker;
import fr.cuf.rencontres.schedule.SessionGroup;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.web.Refusals;
import fr.cuf.rencontres.web.ShowsTextProblems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
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

    private static final String VIEW = "staff/session-form";

    private final EventService events;
    private final SessionEditor editor;
    private final SessionRepository sessions;
    private final PersonRepository persons;
    private final GroupRepository groups;
    private final RoomRepository rooms;
    private final fr.cuf.rencontres.member.OrganisationRepository organisations;
    private final Refusals refusals;

    SessionFormController(EventService events, SessionEditor editor, SessionRepository sessions,
                          PersonRepository persons, GroupRepository groups, RoomRepository rooms,
                          fr.cuf.rencontres.member.OrganisationRepository organisations, Refusals refusals) {
        this.rooms = rooms;
        this.organisations = organisations;
        this.events = events;
        this.editor = editor;
        this.sessions = sessions;
        this.persons = persons;
        this.groups = groups;
        this.refusals = refusals;
    }

    @View(VIEW)
    @Get("/new")
    HttpResponse<?> blank(@PathVariable String slug) {
        return HttpResponse.ok(page(events.bySlug(slug), null, SessionInput.blank()));
    }

    @View(VIEW)
    @Get("/{id}/edit")
    HttpResponse<?> edit(@PathVariable String slug, @PathVariable long id) {
        Event event = events.bySlug(slug);
        Session s = editor.get(event.id(), id);
        return HttpResponse.ok(page(event, id, SessionInput.of(s,
                sessions.findSpeakers(List.of(id)).stream().map(SessionSpeaker::personId).toList(),
                sessions.findGroups(List.of(id)).stream().map(SessionGroup::groupId).toList(),
                sessions.findShape(id).orElse(fr.cuf.rencontres.schedule.SessionShape.NONE))));
    }

    @View(VIEW)
    @ShowsTextProblems
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @PathVariable String slug, @Body SessionInput input,
                           Authentication user) {
        Event event = events.bySlug(slug);
        try {
            Refusals.refuseTypedText(request);
            SessionInput.Read in = input.read();
            Session s = editor.create(event.id(), in.form(), in.slot(), in.problems(), user.getName());
            return HttpResponse.seeOther(URI.create("/staff/events/" + slug + "/timetable"
                    + (s.isScheduled() ? "#session-" + s.id() : "?session=" + s.id() + "#place")));
        } catch (DomainException e) {
            return refused(request, event, null, input, e);
        }
    }

    @View(VIEW)
    @ShowsTextProblems
    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String slug, @PathVariable long id,
                           @Body SessionInput input, Authentication user) {
        Event event = events.bySlug(slug);
        try {
            Refusals.refuseTypedText(request);
            SessionInput.Read in = input.read();
            editor.update(event.id(), id, in.form(), in.slot(), in.problems(), user.getName());
            return HttpResponse.seeOther(URI.create("/staff/events/" + slug + "/timetable#session-" + id));
        } catch (DomainException e) {
            return refused(request, event, id, input, e);
        }
    }

    /** The form again with its refusal; the editor speaks of a length in minutes, this form asks for an end time. */
    private HttpResponse<?> refused(HttpRequest<?> request, Event event, Long id, SessionInput form, DomainException e) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        List<Problem> problems = e.problems().stream().map(p -> "minutes".equals(p.field())
                ? new Problem(p.code(), "end", p.args()) : p).toList();
        return refusals.page(request, e, problems, VIEW, page(event, id, form));
    }

    private Map<String, Object> page(Event event, Long id, SessionInput form) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("sessionId", id);
        model.put("form", form);
        model.put("kinds", SessionKind.values());
        model.put("persons", people(form));
        model.put("groups", groups.findAll().stream().map(g -> Map.of("id", g.id(), "name", g.name(),
                "chosen", form.hasGroup(g.id()))).toList());
        model.put("days", days(event));
        model.put("rooms", event.venueId() == null ? List.of() : rooms.findByVenueIdOrderByCapacityDesc(event.venueId())
                .stream().map(r -> Map.of("id", String.valueOf(r.id()), "name", r.name(), "capacity", r.capacity())).toList());
        return model;
    }

    /**
     * Everyone who may chair or speak, "Last First — Organisation", in name order; one entry per name and
     * organisation (a person imported twice appears once), keeping whoever the form already holds.
     */
    private List<Map<String, Object>> people(SessionInput form) {
        Map<Long, String> organisations = new HashMap<>();
        this.organisations.findAllOrderByName().forEach(o -> organisations.put(o.id(), o.name()));
        Map<String, Map<String, Object>> byLabel = new java.util.LinkedHashMap<>();
        persons.findAll().stream()
                .sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName).thenComparing(Person::id))
                .forEach(p -> {
                    String org = p.organisationId() == null ? null : organisations.get(p.organisationId());
                    String label = p.lastName() + " " + p.firstName() + (org == null ? "" : " — " + org);
                    boolean held = form.hasSpeaker(p.id()) || String.valueOf(p.id()).equals(form.chairPersonId());
                    if (held || !byLabel.containsKey(label)) {
                        byLabel.put(held ? label + "#" + p.id() : label, Map.of("id", String.valueOf(p.id()),
                                "name", label, "speaker", form.hasSpeaker(p.id())));
                    }
                });
        return List.copyOf(byLabel.values());
    }

    private static List<Map<String, Object>> days(Event event) {
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (java.time.LocalDate d = Times.paris(event.startsAt()).toLocalDate();
             !d.isAfter(Times.paris(event.endsAt()).toLocalDate()); d = d.plusDays(1)) {
            days.add(Map.of("iso", d.toString(), "date", d));
        }
        return days;
    }
}
