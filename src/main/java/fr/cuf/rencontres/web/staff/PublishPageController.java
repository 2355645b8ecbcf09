package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.ProgrammePublisher;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Publishing from the page: first what will change (added, moved, cancelled, old → new, registrants
 * touched), refused while a blocking conflict remains or when nothing changed, then one button.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable/publish")
@Secured({"ADMIN", "PROGRAMME"})
class PublishPageController {

    private static final String VIEW = "staff/timetable-publish";

    private final EventService events;
    private final ProgrammePublisher publisher;
    private final ConflictTexts texts;
    private final Refusals refusals;
    private final HttpLocaleResolver locales;

    PublishPageController(EventService events, ProgrammePublisher publisher, ConflictTexts texts, Refusals refusals,
                          HttpLocaleResolver locales) {
        this.events = events;
        this.publisher = publisher;
        this.texts = texts;
        this.refusals = refusals;
        this.locales = locales;
    }

    @View(VIEW)
    @Get
    Map<String, Object> preview(HttpRequest<?> request, @PathVariable String slug) {
        return page(request, events.bySlug(slug));
    }

    @View(VIEW)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(HttpRequest<?> request, @PathVariable String slug, Authentication user) {
        Event event = events.bySlug(slug);
        try {
            ProgrammePublisher.Published p = publisher.publish(event, user.getName());
            return HttpResponse.seeOther(URI.create("/staff/events/" + slug + "/timetable/versions#version-"
                    + p.version().number()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return refusals.page(request, e, VIEW, page(request, event));
        }
    }

    private Map<String, Object> page(HttpRequest<?> request, Event event) {
        Locale locale = locale(request);
        ProgrammePublisher.Preview preview = publisher.preview(event);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("preview", preview);
        model.put("lines", preview.lines().stream().map(l -> Map.of("change", l.change(), "registrants", l.registrants(),
                "notifies", l.change().changeKind().affectsAttendees())).toList());
        model.put("blocking", preview.blocking().stream().map(c -> Map.of("code", c.code(), "text", texts.text(c, locale),
                "sessionIds", c.sessionIds())).toList());
        return model;
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
