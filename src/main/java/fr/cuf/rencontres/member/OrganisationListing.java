package fr.cuf.rencontres.member;

import java.util.List;

/** An organisation with the years it was a member, oldest first. */
public record OrganisationListing(Organisation organisation, List<Integer> memberYears) {
}
