package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.OrganisationService;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static fr.cuf.rencontres.csvio.ImportField.MEMBER;
import static fr.cuf.rencontres.csvio.ImportField.MEMBERSHIP_YEARS;

/**
 * The membership years a row gives: "Adhésion" (oui/non, or years) and "Année(s) d'adhésion" (years); "oui" means
 * this year (Paris calendar of the injected clock). A year the membership rules refuse makes the cell's problem
 * {@code invalid_membership_year}, naming the latest year accepted.
 */
final class MembershipYearCells {

    private final OrganisationService service;
    private final Clock clock;

    MembershipYearCells(OrganisationService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    SortedSet<Integer> read(ImportRow row, List<RowProblem> problems) {
        SortedSet<Integer> years = new TreeSet<>();
        if (row.has(MEMBER)) {
            Optional<Boolean> member = Cells.yesNo(row.get(MEMBER));
            if (member.isEmpty()) {
                add(row, MEMBER, years, problems);
            } else if (member.get()) {
                years.add(Year.now(clock).getValue());
            }
        }
        if (row.has(MEMBERSHIP_YEARS)) {
            add(row, MEMBERSHIP_YEARS, years, problems);
        }
        return years;
    }

    private void add(ImportRow row, ImportField field, SortedSet<Integer> years, List<RowProblem> problems) {
        Optional<SortedSet<Integer>> parsed = Cells.years(row.get(field));
        if (parsed.isEmpty() || parsed.get().stream().anyMatch(year -> !service.checkYear(year).isEmpty())) {
            problems.add(row.problem(field, "invalid_membership_year", Year.now(clock).getValue() + 1));
            return;
        }
        years.addAll(parsed.get());
    }
}
