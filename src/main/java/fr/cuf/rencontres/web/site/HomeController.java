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

    HomeController(EventCatalogue catalogue, GroupRepository groups) {
        this.catalogue = catalogue;
        this.groups = groups;
    }

    @Get
    @View("site/home")
    Map<String, Object> home(@Nullable @QueryValue String group, @Nullable @QueryValue Pole pole,
                             @Nullable @QueryValue EventFormat format, @Nullable @QueryValue Boolean membersOnly) {
        EventFilter filter = new EventFilter(blank(group), pole, format, membersOnly);
        return Map.of(
                "events", catalogue.upcoming(filter),
                "filter", filter,
                "groups", groups.findAllOrderByName(),
                "poles", Arrays.asList(Pole.values()),
                "formats", Arrays.asList(EventFormat.values()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
