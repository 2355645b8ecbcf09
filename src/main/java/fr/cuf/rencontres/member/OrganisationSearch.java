package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds organisations by name, city or SIREN, a page at a time, with their membership years. */
@Singleton
public class OrganisationSearch {

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;

    OrganisationSearch(OrganisationRepository organisations, MembershipRepository memberships) {
        this.organisations = organisations;
        this.memberships = memberships;
    }

    /**
     * One page (numbered from 1) of the organisations matching {@code query}, by name.
     * A blank query matches every organisation.
     */
    public OrganisationPage search(String query, int page, int size) {
        if (page < 1) {
            throw DomainException.invalid("page", "invalid_value");
        }
        if (size < 1 || size > OrganisationPage.MAX_SIZE) {
            throw DomainException.invalid("size", "invalid_value");
        }
        String q = query == null || query.isBlank() ? null : query.strip();
        long total = organisations.countSearch(q);
        List<Organisation> found = organisations.search(q, size, (page - 1) * size);
        return new OrganisationPage(listings(found), page, size, total);
    }

    public OrganisationListing get(long id) {
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> DomainException.notFound("organisation_not_found"));
        return listings(List.of(organisation)).get(0);
    }

    private List<OrganisationListing> listings(List<Organisation> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Integer>> years = memberships.findByOrganisationIdIn(list.stream().map(Organisation::id).toList())
                .stream().collect(Collectors.groupingBy(Membership::organisationId,
                        Collectors.mapping(Membership::membershipYear, Collectors.toList())));
        return list.stream().map(o -> new OrganisationListing(o,
                years.getOrDefault(o.id(), List.of()).stream().sorted().toList())).toList();
    }
}
