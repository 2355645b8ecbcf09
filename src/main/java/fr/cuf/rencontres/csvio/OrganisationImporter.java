package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static fr.cuf.rencontres.csvio.ImportField.*;

/**
 * Organisations with their membership years. A row updates the organisation with the same SIREN, else
 * the one with the same name (see {@link OrganisationNames}) in the same country whatever its stored SIREN,
 * else creates one. A name match whose stored SIREN differs from the file's is a problem of the row
 * ({@code organisation_siren_conflict}), never a second organisation of the same name.
 * An empty cell never erases a stored value; membership years are only ever added.
 */
@Singleton
class OrganisationImporter implements RowImporter<OrganisationImporter.Change> {

    record Change(Long id, OrganisationForm form, boolean formChanged, SortedSet<Integer> newYears) {
    }

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final OrganisationService service;
    private final OrganisationKinds kinds;
    private final MembershipYearCells yearCells;

    OrganisationImporter(OrganisationRepository organisations, MembershipRepository memberships,
                         OrganisationService service, Messages messages, Clock clock) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.service = service;
        this.kinds = new OrganisationKinds(messages);
        this.yearCells = new MembershipYearCells(service, clock);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORGANISATIONS;
    }

    @Override
    public List<ImportField> requiredColumns() {
        return List.of(NAME);
    }

    @Override
    public List<Planned<Change>> plan(List<ImportRow> rows, Event event, ValueChoices values) {
        KnownOrganisations known = new KnownOrganisations(organisations.findAll(), memberships.findAll());
        Map<String, Integer> seen = new HashMap<>();
        List<Planned<Change>> plans = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            plans.add(planRow(row, known, seen, values));
        }
        return plans;
    }

    @Override
    public ImportField valuesField() {
        return KIND;
    }

    /** The organisation types the file spells in a way no label or synonym knows, each once. */
    @Override
    public List<UnknownValue> unknownValues(List<ImportRow> rows, ValueChoices values) {
        Map<String, UnknownValue> unknown = new java.util.LinkedHashMap<>();
        for (ImportRow row : rows) {
            String raw = row.get(KIND);
            if (raw == null || kinds.parse(raw).isPresent()) {
                continue;
            }
            String chosen = chosenKind(raw, values).map(Enum::name).orElse(null);
            unknown.merge(HeaderNames.key(raw), new UnknownValue(KIND.key(), row.column(KIND), raw, 1, chosen,
                            kinds.suggest(raw).map(Enum::name).orElse(null)),
                    (a, b) -> new UnknownValue(a.field(), a.column(), a.value(), a.rows() + 1, a.chosen(), a.suggestion()));
        }
        return List.copyOf(unknown.values());
    }

    private static Optional<OrganisationKind> chosenKind(String raw, ValueChoices values) {
        return values.target(raw).flatMap(t -> java.util.Arrays.stream(OrganisationKind.values())
                .filter(k -> k.name().equals(t)).findFirst());
    }

    private Planned<Change> planRow(ImportRow row, KnownOrganisations known, Map<String, Integer> seen,
                                    ValueChoices values) {
        List<RowProblem> problems = new ArrayList<>();
        String country = country(row, problems);
        OrganisationKind kind = kind(row, values, problems);
        OrganisationForm given = service.normalise(new OrganisationForm(row.get(NAME), kind, country, row.get(SIREN),
                row.get(INSEE_CODE), row.get(ADDRESS), row.get(POSTAL_CODE), row.get(CITY)));
        SortedSet<Integer> years = yearCells.read(row, problems);
        checkSeenOnce(row, given, seen, problems);
        Organisation existing = given.name() != null && given.country() != null && problems.isEmpty()
                ? known.match(row, given, problems) : null;

        OrganisationForm form = existing == null ? withGuessedKind(given) : merge(OrganisationForm.of(existing), given);
        if (existing != null && OrganisationNames.key(existing.name()).equals(OrganisationNames.key(given.name()))) {
            form = new OrganisationForm(existing.name(), form.kind(), form.country(), form.siren(), form.inseeCode(),
                    form.addressLine(), form.postalCode(), form.city());
        }
        for (Problem p : service.check(form)) {
            RowProblem problem = toRowProblem(row, p);
            if (problems.stream().noneMatch(seenProblem -> Objects.equals(seenProblem.column(), problem.column()))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            return Planned.rejected(row, problems);
        }
        if (existing == null) {
            return new Planned<>(row, Planned.Outcome.CREATE, new Change(null, form, true, years), List.of());
        }
        SortedSet<Integer> newYears = new TreeSet<>(years);
        newYears.removeAll(known.years(existing.id()));
        boolean changed = !form.equals(OrganisationForm.of(existing));
        Planned.Outcome outcome = changed || !newYears.isEmpty() ? Planned.Outcome.UPDATE : Planned.Outcome.UNCHANGED;
        return new Planned<>(row, outcome, new Change(existing.id(), form, changed, newYears), List.of());
    }

    /** The row's country code (France when the file has no country column), or null with a problem. */
    private static String country(ImportRow row, List<RowProblem> problems) {
        if (!row.has(COUNTRY)) {
            return "FR";
        }
        Optional<String> code = Cells.country(row.get(COUNTRY));
        if (code.isEmpty()) {
            problems.add(row.problem(COUNTRY, "unknown_country", row.get(COUNTRY)));
        }
        return code.orElse(null);
    }

    private OrganisationKind kind(ImportRow row, ValueChoices values, List<RowProblem> problems) {
        if (!row.has(KIND)) {
            return null;
        }
        OrganisationKind kind = kinds.parse(row.get(KIND)).or(() -> chosenKind(row.get(KIND), values)).orElse(null);
        if (kind == null) {
            problems.add(row.problem(KIND, "unknown_organisation_kind", row.get(KIND)));
        }
        return kind;
    }

    /** Two rows of one file naming the same organisation (by SIREN, or by name in a country): the second is refused. */
    private static void checkSeenOnce(ImportRow row, OrganisationForm given, Map<String, Integer> seen,
                                      List<RowProblem> problems) {
        String nameKey = KnownOrganisations.nameKey(given.name(), given.country());
        Integer first = seen.putIfAbsent(given.siren() != null ? "s:" + given.siren() : "n:" + nameKey, row.line());
        if (given.siren() != null) {
            seen.putIfAbsent("n:" + nameKey, row.line());
        }
        if (first != null && given.name() != null) {
            problems.add(row.problem(given.siren() != null ? SIREN : NAME, "duplicate_in_file", first));
        }
    }

    private static OrganisationForm withGuessedKind(OrganisationForm f) {
        OrganisationKind kind = f.kind() != null ? f.kind() : OrganisationKinds.guess(f.name(), f.country());
        return new OrganisationForm(f.name(), kind, f.country(), f.siren(), f.inseeCode(), f.addressLine(),
                f.postalCode(), f.city());
    }

    /** The stored organisation with the file's non-empty values over it. */
    private static OrganisationForm merge(OrganisationForm stored, OrganisationForm file) {
        return new OrganisationForm(
                or(file.name(), stored.name()), or(file.kind(), stored.kind()), or(file.country(), stored.country()),
                or(file.siren(), stored.siren()), or(file.inseeCode(), stored.inseeCode()),
                or(file.addressLine(), stored.addressLine()), or(file.postalCode(), stored.postalCode()),
                or(file.city(), stored.city()));
    }

    private static <V> V or(V value, V fallback) {
        return value != null ? value : fallback;
    }

    static RowProblem toRowProblem(ImportRow row, Problem p) {
        ImportField field = switch (Objects.toString(p.field(), "")) {
            case "name" -> NAME;
            case "kind" -> KIND;
            case "country" -> COUNTRY;
            case "siren" -> SIREN;
            case "inseeCode" -> INSEE_CODE;
            case "addressLine" -> ADDRESS;
            case "postalCode" -> POSTAL_CODE;
            case "city" -> CITY;
            default -> null;
        };
        String code = switch (p.code()) {
            case "required" -> "missing_" + (field == null ? "value" : field.key());
            case "invalid_country" -> "unknown_country";
            default -> p.code();
        };
        return new RowProblem(row.line(), field == null ? null : row.column(field), code,
                p.args().stream().map(String::valueOf).toList());
    }

    @Override
    public List<Planned<Change>> write(List<Planned<Change>> accepted, Event event, ImportRequest request, String actor) {
        List<Change> created = new ArrayList<>();
        Map<Long, SortedSet<Integer>> years = new java.util.LinkedHashMap<>();
        for (Planned<Change> planned : accepted) {
            Change change = planned.change();
            if (change.id() == null) {
                created.add(change);
            } else {
                if (change.formChanged()) {
                    service.update(change.id(), change.form(), actor);
                }
                if (!change.newYears().isEmpty()) {
                    years.put(change.id(), change.newYears());
                }
            }
        }
        List<Organisation> saved = service.createAll(created.stream().map(Change::form).toList(), actor);
        for (int i = 0; i < saved.size(); i++) {
            if (!created.get(i).newYears().isEmpty()) {
                years.put(saved.get(i).id(), created.get(i).newYears());
            }
        }
        service.addMemberships(years, actor);
        return accepted;
    }
}
