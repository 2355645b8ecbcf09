package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.DraftHistory;
import fr.cuf.rencontres.schedule.SessionEditor;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The programme grid of an event: see, place, move, resize, unschedule, cancel sessions. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable")
@Secured({"ADMIN", "PROGRAMME"})
class TimetableController {

    private static final String VIEW = "staff/timetable";

    private final EventService events;
    private final TimetableService timetables;
    private final SessionEditor editor;
    private final ConflictTexts texts;
    private final FormPages forms;
    private final HttpLocaleResolver locales;
    private final io.micronaut.json.JsonMapper json;
    private final DraftHistory history;

    TimetableController(EventService events, TimetableService timetables, SessionEditor editor, ConflictTexts texts,
                        FormPages forms, HttpLocaleResolver locales, io.micronaut.json.JsonMapper json,
                        DraftHistory history) {
        this.json = json;
        this.history = history;
        this.events = events;
        this.timetables = timetables;
        this.editor = editor;
        this.texts = texts;
        this.forms = forms;
        this.locales = locales;
    }

    @View(VIEW)
    @Get
    Map<String, Object> grid(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue Long session,
                             @Nullable @QueryValue java.time.LocalDate date, @Nullable @QueryValue java.time.LocalTime start,
                             @Nullable @QueryValue Integer minutes, @Nullable @QueryValue Long roomId) {
        return page(request, slug, new PlaceForm(session, date, start, minutes, roomId));
    }

    /** Places a session; refused, the grid comes again with the place form as typed and its messages. */
    @Post(value = "/place", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> place(HttpRequest<?> request, @PathVariable String slug, @Body PlaceForm form,
                          Authentication user) {
        Event event = events.bySlug(slug);
        return forms.submit(request, () -> {
            if (form.sessionId() == null) {
                throw DomainException.invalid("sessionId", "required");
            }
            editor.place(event.id(), form.sessionId(), form.command(), user.getName());
            return event;
        }, placed -> grid(slug), VIEW, () -> page(request, slug, form));
    }

    @Post(value = "/undo", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> undo(HttpRequest<?> request, @PathVariable String slug, Authentication user) {
        return backOrRefused(request, slug, () -> history.undoLast(events.bySlug(slug).id(), user.getName()));
    }

    @Post(value = "/revert", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revert(HttpRequest<?> request, @PathVariable String slug, Authentication user) {
        return backOrRefused(request, slug, () -> history.revertToPublished(events.bySlug(slug).id(), user.getName()));
    }

    /** 303 to the grid; a refusal (nothing to undo, nothing published) shows the grid with its message. */
    private HttpResponse<?> backOrRefused(HttpRequest<?> request, String slug, Runnable action) {
        return forms.submit(request, () -> {
            action.run();
            return slug;
        }, TimetableController::grid, VIEW, () -> page(request, slug, PlaceForm.EMPTY));
    }

    @View(VIEW)
    @Post(value = "/sessions/{id}/unschedule", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unschedule(@PathVariable String slug, @PathVariable long id, Authentication user) {
        editor.unschedule(events.bySlug(slug).id(), id, user.getName());
        return back(slug);
    }

    @View(VIEW)
    @Post(value = "/sessions/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(@PathVariable String slug, @PathVariable long id, @Body Map<String, String> body,
                           Authentication user) {
        editor.cancel(events.bySlug(slug).id(), id, body.get("reason"), user.getName());
        return back(slug);
    }

    @View(VIEW)
    @Post(value = "/sessions/{id}/restore", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restore(@PathVariable String slug, @PathVariable long id, Authentication user) {
        editor.restore(events.bySlug(slug).id(), id, user.getName());
        return back(slug);
    }

    private Map<String, Object> page(HttpRequest<?> request, String slug, PlaceForm form) {
        Event event = events.bySlug(slug);
        Timetable t = timetables.of(event);
        Map<String, Object> model = new HashMap<>(TimetableGrid.model(t, texts, locale(request)));
        model.put("event", event);
        try {
            // inside <script type="application/json">: no "<" may close the element (as on the scan page)
            model.put("liveJson", json.writeValueAsString(model.get("live")).replace("<", "\\u003c")
                    .replace(">", "\\u003e"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model.put("rooms", t.rooms());
        history.undoable(event.id()).ifPresent(title -> model.put("undoable", title));
        model.put("form", form);
        model.put("sessions", java.util.stream.Stream.concat(t.placed().stream(), t.unscheduled().stream())
                .map(v -> v.session()).toList());
        return model;
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }

    private static HttpResponse<?> back(String slug) {
        return FormPages.seeOther(grid(slug));
    }

    private static String grid(String slug) {
        return "/staff/events/" + slug + "/timetable";
    }
}
