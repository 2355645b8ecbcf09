package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.Membership;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.cuf.rencontres.csvio.ImportField.NAME;
import static fr.cuf.rencontres.csvio.ImportField.SIREN;

/**
 * The organisations and memberships already stored, loaded once per file, and which of them a row of the file
 * updates: the one with the row's SIREN, else the only one with its name (see {@link OrganisationNames}) in its
 * country. A name match whose stored SIREN differs from the file's is {@code organisation_siren_conflict}, two
 * name matches {@code ambiguous_organisation}, and a stored organisation targeted by two rows
 * {@code duplicate_in_file}: never a guess.
 */
final class KnownOrganisations {

    private final Map<String, Organisation> bySiren = new HashMap<>();
    private final Map<String, List<Organisation>> byName = new HashMap<>();
    private final Map<Long, Set<Integer>> years = new HashMap<>();
    /** Stored organisation id → the first line of the file that updates it. */
    private final Map<Long, Integer> targeted = new HashMap<>();

    KnownOrganisations(Iterable<Organisation> organisations, Iterable<Membership> memberships) {
        for (Organisation o : organisations) {
            if (o.siren() != null) {
                bySiren.put(o.siren(), o);
            }
            byName.computeIfAbsent(nameKey(o.name(), o.country()), k -> new ArrayList<>()).add(o);
        }
        for (Membership m : memberships) {
            years.computeIfAbsent(m.organisationId(), k -> new HashSet<>()).add(m.membershipYear());
        }
    }

    /** The key two rows or two organisations share when they name the same organisation in the same country. */
    static String nameKey(String name, String country) {
        return OrganisationNames.key(name) + "|" + country;
    }

    /** The stored organisation the row updates, or null (a new one, or a problem added to {@code problems}). */
    Organisation match(ImportRow row, OrganisationForm given, List<RowProblem> problems) {
        Organisation existing = find(row, given, problems);
        if (existing != null) {
            Integer other = targeted.putIfAbsent(existing.id(), row.line());
            if (other != null) {
                problems.add(row.problem(NAME, "duplicate_in_file", other));
            }
        }
        return existing;
    }

    private Organisation find(ImportRow row, OrganisationForm given, List<RowProblem> problems) {
        List<Organisation> named = byName.getOrDefault(nameKey(given.name(), given.country()), List.of());
        Organisation bySirenMatch = given.siren() == null ? null : bySiren.get(given.siren());
        if (bySirenMatch != null) {
            return bySirenMatch;
        }
        if (named.size() > 1) {
            problems.add(row.problem(NAME, "ambiguous_organisation", named.size()));
            return null;
        }
        if (named.isEmpty()) {
            return null;
        }
        Organisation only = named.get(0);
        if (given.siren() != null && only.siren() != null) {
            problems.add(row.problem(SIREN, "organisation_siren_conflict", only.name(), only.siren(), given.siren()));
            return null;
        }
        return only;
    }

    /** The membership years stored for an organisation. */
    Set<Integer> years(long organisationId) {
        return years.getOrDefault(organisationId, Set.of());
    }
}
