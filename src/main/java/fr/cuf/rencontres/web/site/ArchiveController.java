package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventFilter;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventPeriod;
import fr.cuf.rencontres.event.EventSummary;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.List;
import java.util.Map;

/** The archive: past conference editions, then past meetings, most recent first. */
@Produces(MediaType.TEXT_HTML)
@Controller("/archives")
@Secured(SecurityRule.IS_ANONYMOUS)
class ArchiveController {

    private final EventCatalogue catalogue;

    ArchiveController(EventCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    @View("site/archives")
    Map<String, Object> archives() {
        List<EventSummary> past = catalogue.of(EventPeriod.PAST, EventFilter.none());
        return Map.of(
                "editions", past.stream().filter(s -> s.event().kind() == EventKind.CONFERENCE_EDITION).toList(),
                "meetings", past.stream().filter(s -> s.event().kind() != EventKind.CONFERENCE_EDITION).toList());
    }
}
