package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventFilter;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Arrays;
import java.util.Map;

/** The front page: upcoming conference editions and meetings, with filters. */
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class HomeController {

    private final EventCatalogue catalogue;
    private final GroupRepository groups;

    private final java.time.Clock clock;

    HomeController(EventCatalogue catalogue, GroupRepository groups, java.time.Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.groups = groups;
    }

    @Get
    @View("site/home")
    Map<String, Object> home(@Nullable @QueryValue String group, @Nullable @QueryValue Pole pole,
                             @Nullable @QueryValue EventFormat format, @Nullable @QueryValue Boolean membersOnly) {
        EventFilter filter = new EventFilter(blank(group), pole, format, membersOnly);
        java.time.Instant now = clock.instant();
        java.util.List<fr.cuf.rencontres.event.EventSummary> upcoming = catalogue.upcoming(filter);
        // the next conference edition first: it is what most visitors come for (not once they filter the list)
        Map<String, Object> model = new java.util.HashMap<>();
        boolean filtered = filter.group() != null || pole != null || format != null || membersOnly != null;
        upcoming.stream().filter(s -> !filtered)
                .filter(s -> s.event().kind() == fr.cuf.rencontres.event.EventKind.CONFERENCE_EDITION
                        && s.event().status() != fr.cuf.rencontres.event.EventStatus.CANCELLED)
                .findFirst().ifPresent(s -> model.put("next", PublicEvent.of(s, now)));
        model.putAll(Map.of(
                "events", upcoming.stream().map(s -> card(s, now)).toList(),
                "filter", filter,
                "groups", groups.findAllOrderByName(),
                "poles", Arrays.asList(Pole.values()),
                "formats", Arrays.asList(EventFormat.values())));
        return model;
    }

    private static Map<String, Object> card(fr.cuf.rencontres.event.EventSummary s, java.time.Instant now) {
        Map<String, Object> card = new java.util.HashMap<>();
        card.put("event", s.event());
        card.put("group", s.group());
        card.put("venue", s.venue());
        card.put("registration", RegistrationCta.of(s.event(), now));
        return card;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
