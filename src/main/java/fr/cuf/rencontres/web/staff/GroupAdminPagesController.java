package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.web.ShowsTextProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Country groups by pole, thematic groups and clubs, with their chair. Admins and programme staff write. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/groups")
@Secured(Role.STAFF)
class GroupAdminPagesController {

    private static final String FORM = "staff/group-form";

    private final GroupService service;
    private final GroupRepository groups;
    private final PersonRepository persons;
    private final FormPages forms;

    GroupAdminPagesController(GroupService service, GroupRepository groups, PersonRepository persons, FormPages forms) {
        this.service = service;
        this.groups = groups;
        this.persons = persons;
        this.forms = forms;
    }

    @Get
    @View("staff/groups")
    Map<String, Object> list(@Nullable @QueryValue Long saved) {
        List<Group> all = groups.findAllOrderByName();
        Map<Long, Person> chairs = persons.findByIdIn(all.stream().map(Group::chairPersonId)
                        .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        List<Map<String, Object>> poles = Arrays.stream(Pole.values()).map(pole -> Map.<String, Object>of(
                "pole", pole,
                "rows", all.stream().filter(g -> g.pole() == pole).map(g -> row(g, chairs)).toList())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("poles", poles);
        model.put("others", all.stream().filter(g -> g.pole() == null).map(g -> row(g, chairs)).toList());
        if (saved != null) {
            groups.findById(saved).ifPresent(g -> model.put("saved", g));
        }
        return model;
    }

    @Get("/new")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> newForm() {
        return formModel(null, GroupInput.blank());
    }

    @ShowsTextProblems
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> create(@Body GroupInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> service.create(input.toForm(), user.getName()),
                saved -> "/staff/groups?saved=" + saved.id(), FORM, () -> formModel(null, input));
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> edit(@PathVariable long id) {
        Group group = service.get(id);
        return formModel(group, GroupInput.of(GroupForm.of(group)));
    }

    @ShowsTextProblems
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> update(@PathVariable long id, @Body GroupInput input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, () -> service.update(id, input.toForm(), user.getName()),
                saved -> "/staff/groups?saved=" + id, FORM, () -> formModel(service.get(id), input));
    }

    private static Map<String, Object> row(Group g, Map<Long, Person> chairs) {
        Map<String, Object> row = new HashMap<>();
        row.put("group", g);
        Person chair = g.chairPersonId() == null ? null : chairs.get(g.chairPersonId());
        if (chair != null) {
            row.put("chair", chair);
        }
        return row;
    }

    private Map<String, Object> formModel(@Nullable Group group, GroupInput input) {
        Map<String, Object> model = new HashMap<>();
        if (group != null) {
            model.put("group", group);
        }
        model.put("form", input);
        model.put("kinds", GroupKind.values());
        model.put("poles", Pole.values());
        model.put("persons", persons.findAllOrderByLastName());
        return model;
    }
}
