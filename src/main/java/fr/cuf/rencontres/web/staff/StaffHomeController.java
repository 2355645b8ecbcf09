package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventHubRepository;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.staff.Role;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The back office's front page: the events that need attention (the next conference edition first,
 * then meetings whose registration is open or opens within a month), each linked to its hub, and the
 * back office's sections. Links are shown by role (see web.StaffAccess).
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff")
@Secured(Role.STAFF)
class StaffHomeController {

    static final Duration SOON = Duration.ofDays(30);
    static final int ATTENTION_LIMIT = 12;

    private final EventRepository events;
    private final EventHubRepository hub;
    private final OrganisationRepository organisations;
    private final PersonRepository persons;
    private final GroupRepository groups;
    private final VenueRepository venues;
    private final Clock clock;

    StaffHomeController(EventRepository events, EventHubRepository hub, OrganisationRepository organisations,
                        PersonRepository persons, GroupRepository groups, VenueRepository venues, Clock clock) {
        this.events = events;
        this.hub = hub;
        this.organisations = organisations;
        this.persons = persons;
        this.groups = groups;
        this.venues = venues;
        this.clock = clock;
    }

    /** An event of the attention list: registrations holding a seat and waiting, whether registration is open. */
    record Attention(Event event, long registered, long waitlisted, boolean open) {
    }

    @Get
    @View("staff/home")
    Map<String, Object> home() {
        Instant now = clock.instant();
        List<Event> upcoming = hub.needingAttention(now, now.plus(SOON), ATTENTION_LIMIT);
        Map<Long, Map<String, Long>> byStatus = upcoming.isEmpty() ? Map.of()
                : hub.statusCounts(upcoming.stream().map(Event::id).toList()).stream()
                .collect(Collectors.groupingBy(EventHubRepository.StatusCount::eventId,
                        Collectors.toMap(EventHubRepository.StatusCount::status, EventHubRepository.StatusCount::registrations)));
        List<Attention> attention = upcoming.stream().map(e -> {
            Map<String, Long> counts = byStatus.getOrDefault(e.id(), Map.of());
            long registered = counts.entrySet().stream()
                    .filter(c -> RegistrationStatus.valueOf(c.getKey()).holdsSeat()).mapToLong(Map.Entry::getValue).sum();
            return new Attention(e, registered, counts.getOrDefault(RegistrationStatus.WAITLISTED.name(), 0L),
                    e.isOpenForRegistration(now));
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("attention", attention);
        model.put("counts", Map.of("events", events.count(), "organisations", organisations.count(),
                "persons", persons.count(), "groups", groups.count(), "venues", venues.count()));
        return model;
    }
}
