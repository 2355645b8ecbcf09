package fr.cuf.rencontres.member;

import java.util.List;

/** One page of a search, numbered from 1, with the number of matches over all pages. */
public record OrganisationPage(List<OrganisationListing> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;
}
