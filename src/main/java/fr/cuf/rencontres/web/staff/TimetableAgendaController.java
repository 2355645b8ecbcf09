package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The draft timetable seen from one room (its days) or one person (the sessions they chair or speak in),
 * with each session's warnings: what a room manager or a chair asks for.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable/agenda")
@Secured({"ADMIN", "PROGRAMME"})
class TimetableAgendaController {

    private final EventService events;
    private final TimetableService timetables;
    private final ConflictTexts texts;
    private final HttpLocaleResolver locales;

    TimetableAgendaController(EventService events, TimetableService timetables, ConflictTexts texts,
                              HttpLocaleResolver locales) {
        this.events = events;
        this.timetables = timetables;
        this.texts = texts;
        this.locales = locales;
    }

    @View("staff/timetable-agenda")
    @Get
    Map<String, Object> agenda(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue Long room,
                               @Nullable @QueryValue Long person) {
        Locale locale = locales.resolveOrDefault(request);
        Event event = events.bySlug(slug);
        Timetable t = timetables.of(event);
        Map<Long, Person> people = new LinkedHashMap<>();
        t.placed().stream().flatMap(v -> Stream.concat(Stream.ofNullable(v.chair()), v.speakers().stream()))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName))
                .forEach(p -> people.putIfAbsent(p.id(), p));
        List<SessionView> chosen = t.placed().stream().filter(v -> room != null
                ? room.equals(v.session().roomId())
                : person != null && (person.equals(v.session().chairPersonId())
                || v.speakers().stream().anyMatch(p -> p != null && person.equals(p.id())))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("rooms", t.rooms().stream().map(r -> Map.of("id", r.id(), "name", r.name(), "capacity", r.capacity(),
                "chosen", r.id().equals(room))).toList());
        model.put("people", people.values().stream().map(p -> Map.of("id", p.id(), "name", p.lastName() + " " + p.firstName(),
                "chosen", p.id().equals(person))).toList());
        model.put("heading", room != null ? t.rooms().stream().filter(r -> r.id().equals(room)).map(r -> r.name())
                .findFirst().orElse(null) : person != null && people.containsKey(person)
                ? people.get(person).firstName() + " " + people.get(person).lastName() : null);
        model.put("sessions", chosen.stream().map(v -> {
            Map<String, Object> s = new HashMap<>();
            s.put("id", v.session().id());
            s.put("title", v.session().title());
            s.put("startsAt", v.session().startsAt());
            s.put("endsAt", v.session().endsAt());
            s.put("room", v.room() == null ? "" : v.room().name());
            s.put("role", person == null ? "" : person.equals(v.session().chairPersonId()) ? "chair" : "speaker");
            s.put("warnings", t.conflictsOf(v.session().id()).stream().map(c -> texts.text(c, locale)).toList());
            return s;
        }).toList());
        return model;
    }
}
