package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventHubRepository;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.staff.Role;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's staff page: its hub. Every page of the event's work (programme, registrations, badges,
 * doors and attendance, invoices, imports and exports) with the figures that tell staff what needs
 * doing. Open to every staff member; the page shows only the sections whose pages the role may open.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}")
@Secured(Role.STAFF)
class EventHubController {

    private final EventService events;
    private final EventHubRepository queries;
    private final TimetableService timetables;

    EventHubController(EventService events, EventHubRepository queries, TimetableService timetables) {
        this.events = events;
        this.queries = queries;
        this.timetables = timetables;
    }

    @Get
    @View("staff/event-hub")
    Map<String, Object> hub(@PathVariable String slug) {
        Event event = events.bySlug(slug);
        EventHubRepository.Counts counts = queries.counts(event.id(), event.slug()).get(0);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("counts", counts);
        // the programme is built for conference editions; a meeting shows it only if someone gave it sessions
        boolean programme = event.kind() == EventKind.CONFERENCE_EDITION
                || counts.sessionsPlaced() + counts.sessionsUnplaced() + counts.sessionsCancelled() > 0;
        model.put("programme", programme);
        model.put("recent", queries.recentImports(event.slug(), 5));
        model.put("latest", queries.latestRegistrations(event.id(), 5));
        if (programme && counts.sessionsPlaced() > 0) {
            List<Conflict> conflicts = timetables.conflicts(event);
            long hard = conflicts.stream().filter(Conflict::hard).count();
            model.put("hardConflicts", hard);
            model.put("softConflicts", conflicts.size() - hard);
        } else {
            model.put("hardConflicts", 0L);
            model.put("softConflicts", 0L);
        }
        return model;
    }
}
