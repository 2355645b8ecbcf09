package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonForm;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.member.PersonService;
import fr.cuf.rencontres.support.Problem;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static fr.cuf.rencontres.csvio.ImportField.*;

/**
 * The person part of person and registration files. A row is the person with the same e-mail, else the
 * one with the same first and last name in the same organisation, else a new person. The organisation
 * is found by SIREN, else by name (and country when the file gives one); it must already exist.
 */
@Singleton
class PersonMatcher {

    /** The person a row stands for: an existing one ({@code id}) or a new one, and its merged form. */
    record Match(Long id, PersonForm form, boolean changed) {
    }

    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final PersonService service;

    PersonMatcher(PersonRepository persons, OrganisationRepository organisations, PersonService service) {
        this.persons = persons;
        this.organisations = organisations;
        this.service = service;
    }

    /** What is stored, loaded once per file; also remembers the rows already seen for duplicates. */
    final class Known {
        private final Map<String, Organisation> orgBySiren = new HashMap<>();
        private final Map<String, List<Organisation>> orgByName = new HashMap<>();
        private final Map<String, Person> byEmail = new HashMap<>();
        private final Map<String, Person> byName = new HashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<Long, Integer> targeted = new HashMap<>();

        private Known() {
            for (Organisation o : organisations.findAll()) {
                if (o.siren() != null) {
                    orgBySiren.put(o.siren(), o);
                }
                orgByName.computeIfAbsent(OrganisationNames.key(o.name()), k -> new ArrayList<>()).add(o);
            }
            for (Person p : persons.findAll()) {
                if (p.email() != null) {
                    byEmail.put(p.email().toLowerCase(Locale.ROOT), p);
                }
                byName.putIfAbsent(nameKey(p.firstName(), p.lastName(), p.organisationId()), p);
            }
        }
    }

    Known load() {
        return new Known();
    }

    /** The person of the row, or the row's problems added to {@code problems}. */
    Optional<Match> match(ImportRow row, Known known, List<RowProblem> problems) {
        int before = problems.size();
        Long organisationId = organisation(row, known, problems);
        Optional<Boolean> elected = row.has(ELECTED) ? Cells.yesNo(row.get(ELECTED)) : Optional.empty();
        if (row.has(ELECTED) && elected.isEmpty()) {
            problems.add(row.problem(ELECTED, "invalid_yes_no", row.get(ELECTED)));
        }
        PersonForm given = service.normalise(new PersonForm(row.get(FIRST_NAME), row.get(LAST_NAME), row.get(FUNCTION),
                row.get(EMAIL), row.get(PHONE), organisationId, elected.orElse(false)));
        String nameKey = nameKey(given.firstName(), given.lastName(), organisationId);
        if (given.firstName() != null && given.lastName() != null && problems.size() == before) {
            Integer first = given.email() != null ? known.seen.putIfAbsent("e:" + given.email(), row.line()) : null;
            Integer sameName = known.seen.putIfAbsent("n:" + nameKey, row.line());
            if (first == null && given.email() == null) {
                first = sameName;
            }
            if (first != null) {
                problems.add(row.problem(given.email() != null ? EMAIL : LAST_NAME, "duplicate_in_file", first));
            }
        }
        Person existing = null;
        if (given.email() != null) {
            existing = known.byEmail.get(given.email());
        }
        if (existing == null) {
            Person sameName = known.byName.get(nameKey);
            if (sameName != null && (sameName.email() == null || given.email() == null)) {
                existing = sameName;
            }
        }
        if (existing != null && problems.size() == before) {
            Integer other = known.targeted.putIfAbsent(existing.id(), row.line());
            if (other != null) {
                problems.add(row.problem(LAST_NAME, "duplicate_in_file", other));
            }
        }
        PersonForm form = existing == null ? given : merge(PersonForm.of(existing), given, row.has(ELECTED));
        for (Problem p : service.check(form)) {
            RowProblem problem = toRowProblem(row, p);
            if (problems.stream().noneMatch(seenProblem -> Objects.equals(seenProblem.column(), problem.column()))) {
                problems.add(problem);
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(existing == null
                ? new Match(null, form, true)
                : new Match(existing.id(), form, !form.equals(PersonForm.of(existing))));
    }

    private Long organisation(ImportRow row, Known known, List<RowProblem> problems) {
        if (row.has(SIREN)) {
            String siren = fr.cuf.rencontres.member.Siren.normalise(row.get(SIREN));
            Organisation o = known.orgBySiren.get(siren);
            if (o == null) {
                problems.add(row.problem(SIREN, "unknown_organisation", row.get(SIREN)));
                return null;
            }
            return o.id();
        }
        if (!row.has(ORGANISATION)) {
            return null;
        }
        List<Organisation> candidates = known.orgByName.getOrDefault(OrganisationNames.key(row.get(ORGANISATION)), List.of());
        if (row.has(COUNTRY)) {
            Optional<String> country = Cells.country(row.get(COUNTRY));
            if (country.isEmpty()) {
                problems.add(row.problem(COUNTRY, "unknown_country", row.get(COUNTRY)));
                return null;
            }
            candidates = candidates.stream().filter(o -> o.country().equals(country.get())).toList();
        }
        if (candidates.isEmpty()) {
            problems.add(row.problem(ORGANISATION, "unknown_organisation", row.get(ORGANISATION)));
            return null;
        }
        if (candidates.size() > 1) {
            problems.add(row.problem(ORGANISATION, "ambiguous_organisation", candidates.size()));
            return null;
        }
        return candidates.get(0).id();
    }

    private static PersonForm merge(PersonForm stored, PersonForm file, boolean electedGiven) {
        return new PersonForm(or(file.firstName(), stored.firstName()), or(file.lastName(), stored.lastName()),
                or(file.functionTitle(), stored.functionTitle()), or(file.email(), stored.email()),
                or(file.phone(), stored.phone()), or(file.organisationId(), stored.organisationId()),
                electedGiven ? file.electedOfficial() : stored.electedOfficial());
    }

    private static <V> V or(V value, V fallback) {
        return value != null ? value : fallback;
    }

    static String nameKey(String first, String last, Long organisationId) {
        return HeaderNames.words(first) + "|" + HeaderNames.words(last) + "|" + organisationId;
    }

    static RowProblem toRowProblem(ImportRow row, Problem p) {
        ImportField field = switch (Objects.toString(p.field(), "")) {
            case "firstName" -> FIRST_NAME;
            case "lastName" -> LAST_NAME;
            case "functionTitle" -> FUNCTION;
            case "email" -> EMAIL;
            case "phone" -> PHONE;
            default -> null;
        };
        String code = switch (p.code()) {
            case "required" -> field == FIRST_NAME ? "missing_first_name" : "missing_name";
            default -> p.code();
        };
        return new RowProblem(row.line(), field == null ? null : row.column(field), code,
                p.args().stream().map(String::valueOf).toList());
    }

    /** Writes the persons of many planned rows through {@link PersonService}, in batches. */
    void writeAll(List<Match> matches, String actor) {
        List<PersonForm> created = new ArrayList<>();
        Map<Long, PersonForm> updated = new java.util.LinkedHashMap<>();
        for (Match match : matches) {
            if (match.id() == null) {
                created.add(match.form());
            } else if (match.changed()) {
                updated.put(match.id(), match.form());
            }
        }
        service.updateAll(updated, actor);
        service.createAll(created, actor);
    }

    /** Writes the person of a planned row through {@link PersonService}; returns its id. */
    long write(Match match, String actor) {
        if (match.id() == null) {
            return service.create(match.form(), actor).id();
        }
        if (match.changed()) {
            service.update(match.id(), match.form(), actor);
        }
        return match.id();
    }
}
