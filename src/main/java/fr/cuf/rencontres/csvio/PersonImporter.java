package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Persons and contacts: upserted by e-mail, else by name and organisation (see {@link PersonMatcher}). */
@Singleton
class PersonImporter implements RowImporter<PersonMatcher.Match> {

    private final PersonMatcher matcher;

    PersonImporter(PersonMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PERSONS;
    }

    @Override
    public List<ImportField> requiredColumns() {
        return List.of(ImportField.FIRST_NAME, ImportField.LAST_NAME);
    }

    @Override
    public List<Planned<PersonMatcher.Match>> plan(List<ImportRow> rows, Event event, ValueChoices values) {
        PersonMatcher.Known known = matcher.load();
        List<Planned<PersonMatcher.Match>> plans = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<RowProblem> problems = new ArrayList<>();
            plans.add(matcher.match(row, known, problems)
                    .map(m -> new Planned<>(row, m.id() == null ? Planned.Outcome.CREATE
                            : m.changed() ? Planned.Outcome.UPDATE : Planned.Outcome.UNCHANGED, m, List.<RowProblem>of()))
                    .orElseGet(() -> Planned.rejected(row, problems)));
        }
        return plans;
    }

    @Override
    public List<Planned<PersonMatcher.Match>> write(List<Planned<PersonMatcher.Match>> accepted, Event event,
                                                    ImportRequest request, String actor) {
        matcher.writeAll(accepted.stream().map(Planned::change).toList(), actor);
        return accepted;
    }
}
