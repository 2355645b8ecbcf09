package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.PersonRepository;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups by pole, and one group with its chair and its meetings. */
@Produces(MediaType.TEXT_HTML)
@Controller("/groups")
@Secured(SecurityRule.IS_ANONYMOUS)
class PublicGroupPagesController {

    private final GroupRepository groups;
    private final GroupService groupService;
    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final EventCatalogue catalogue;
    private final java.time.Clock clock;

    PublicGroupPagesController(GroupRepository groups, GroupService groupService, PersonRepository persons,
                         OrganisationRepository organisations, EventCatalogue catalogue, java.time.Clock clock) {
        this.clock = clock;
        this.groups = groups;
        this.groupService = groupService;
        this.persons = persons;
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    @Get
    @View("site/groups")
    Map<String, Object> index() {
        List<Group> all = groups.findAllOrderByName();
        List<Map<String, Object>> poles = Arrays.stream(Pole.values()).map(pole -> Map.<String, Object>of(
                "pole", pole, "groups", all.stream().filter(g -> g.pole() == pole).toList())).toList();
        return Map.of("poles", poles,
                "thematic", all.stream().filter(g -> g.kind() != GroupKind.COUNTRY).toList());
    }

    @Get("/{slug}")
    @View("site/group")
    Map<String, Object> show(@PathVariable String slug) {
        Group group = groupService.bySlug(slug);
        Map<String, Object> model = new HashMap<>();
        model.put("group", group);
        if (group.chairPersonId() != null) {
            persons.findById(group.chairPersonId()).ifPresent(chair -> {
                model.put("chair", chair);
                if (chair.organisationId() != null) {
                    organisations.findById(chair.organisationId()).ifPresent(o -> model.put("chairOrganisation", o));
                }
            });
        }
        model.put("meetings", catalogue.ofGroup(group.id()).stream()
                .map(s -> PublicEvent.of(s, clock.instant())).toList());
        return model;
    }
}
