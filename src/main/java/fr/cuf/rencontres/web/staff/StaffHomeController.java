package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.staff.Role;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.util.Map;

/** The back office's front page. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Secured(Role.STAFF)
class StaffHomeController {

    private final EventRepository events;
    private final OrganisationRepository organisations;
    private final GroupRepository groups;
    private final VenueRepository venues;

    StaffHomeController(EventRepository events, OrganisationRepository organisations, GroupRepository groups,
                        VenueRepository venues) {
        this.events = events;
        this.organisations = organisations;
        this.groups = groups;
        this.venues = venues;
    }

    @Get
    @View("staff/home")
    Map<String, Object> home() {
        return Map.of("counts", Map.of("events", events.count(), "organisations", organisations.count(),
                "groups", groups.count(), "venues", venues.count()));
    }
}
