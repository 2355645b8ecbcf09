package fr.cuf.rencontres.group;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the public sees of groups: each with its chair and the chair's authority, in three queries. */
@Singleton
public class GroupCatalogue {

    private final GroupRepository groups;
    private final PersonRepository persons;
    private final OrganisationRepository organisations;

    GroupCatalogue(GroupRepository groups, PersonRepository persons, OrganisationRepository organisations) {
        this.groups = groups;
        this.persons = persons;
        this.organisations = organisations;
    }

    /** Every group, by name. */
    public List<GroupListing> all() {
        return listings(groups.findAllOrderByName());
    }

    public GroupListing bySlug(String slug) {
        Group group = groups.findBySlug(slug).orElseThrow(() -> DomainException.notFound("group_not_found"));
        return listings(List.of(group)).get(0);
    }

    private List<GroupListing> listings(List<Group> list) {
        Map<Long, Person> chairs = persons.findByIdIn(
                        list.stream().map(Group::chairPersonId).filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, Organisation> authorities = organisations.findByIdIn(
                        chairs.values().stream().map(Person::organisationId).filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        return list.stream().map(g -> {
            Person chair = g.chairPersonId() == null ? null : chairs.get(g.chairPersonId());
            Organisation authority = chair == null || chair.organisationId() == null
                    ? null : authorities.get(chair.organisationId());
            return new GroupListing(g, chair, authority);
        }).toList();
    }
}
