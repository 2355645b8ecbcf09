package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.schedule.ProgrammeService;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** An event's public page with its programme by day, time and room. Never shows the online link. */
@Produces(MediaType.TEXT_HTML)
@Controller("/events")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicEventPageController {

    private final EventService events;
    private final EventCatalogue catalogue;
    private final ProgrammeService programmes;

    private final java.time.Clock clock;

    PublicEventPageController(EventService events, EventCatalogue catalogue, ProgrammeService programmes,
                        java.time.Clock clock) {
        this.clock = clock;
        this.events = events;
        this.catalogue = catalogue;
        this.programmes = programmes;
    }

    @Get("/{slug}")
    @View("site/event")
    Map<String, Object> show(@PathVariable String slug) {
        EventSummary summary = catalogue.summary(events.publicBySlug(slug));
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("summary", PublicEvent.of(summary, clock.instant()));
        model.put("programme", programmes.of(summary.event().id()));
        programmes.latestChanges(summary.event().id()).ifPresent(c -> model.put("published", c));
        return model;
    }
}
