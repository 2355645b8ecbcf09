package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Imports a CSV file in two steps: a preview that validates every row and writes nothing, then a commit
 * in one transaction that writes every row, or none when one row has a problem, unless staff chose to
 * import the valid rows only. Registrations are settled by the registration service itself (seats,
 * waiting lists, prices): their preview runs the same writes in a transaction that is rolled back.
 */
@Singleton
public class ImportService {

    private final OrganisationImporter organisations;
    private final PersonImporter persons;
    private final RegistrationImporter registrations;
    private final EventRepository events;
    private final TransactionOperations<Connection> tx;
    private final ValueMappingRepository valueMappings;

    /** A savepoint inside the caller's transaction, or a transaction of its own. */
    static final TransactionDefinition SAVEPOINT = TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    ImportService(OrganisationImporter organisations, PersonImporter persons, RegistrationImporter registrations,
                  EventRepository events, TransactionOperations<Connection> tx, ValueMappingRepository valueMappings) {
        this.valueMappings = valueMappings;
        this.organisations = organisations;
        this.persons = persons;
        this.registrations = registrations;
        this.events = events;
        this.tx = tx;
    }

    /** Validates every row and says what a commit would do; nothing stays written. */
    public ImportReport preview(ImportRequest request) {
        RowImporter<?> importer = importer(request.kind());
        if (!importer.settlesByWriting()) {
            return run(importer, request, false, false, "preview");
        }
        try {
            tx.execute(SAVEPOINT, status -> {
                throw new Undo(run(importer, request, false, false, "preview"));
            });
            throw new IllegalStateException("unreachable");
        } catch (Undo undo) {
            return undo.report;
        }
    }

    /**
     * Writes the file in one transaction (a savepoint when the caller has one). With a problem in any row
     * nothing is written (the report says {@code committed=false}) unless {@code validRowsOnly}, which skips
     * the rows with problems.
     */
    public ImportReport commit(ImportRequest request, boolean validRowsOnly, String actor) {
        try {
            return tx.execute(SAVEPOINT, status -> {
                ImportReport report = run(importer(request.kind()), request, true, validRowsOnly, actor);
                if (!report.committed()) {
                    throw new Undo(report);
                }
                return report;
            });
        } catch (Undo undo) {
            return undo.report;
        }
    }

    /**
     * Rolls back the import's transaction or savepoint and carries its report out. Thrown rather than
     * {@code setRollbackOnly()}: a rollback-only savepoint would also doom the caller's transaction.
     */
    static final class Undo extends RuntimeException {
        final transient ImportReport report;

        Undo(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** The rejected rows of a report, with their original cells: for the downloadable list. */
    public static List<CsvTable.Row> rejectedRows(CsvTable table, ImportReport report) {
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        report.problems().forEach(p -> lines.add(p.line()));
        return table.rows().stream().filter(r -> lines.contains(r.line())).toList();
    }

    private RowImporter<?> importer(ImportKind kind) {
        return switch (kind) {
            case ORGANISATIONS -> organisations;
            case PERSONS -> persons;
            case REGISTRATIONS -> registrations;
        };
    }

    private <T> ImportReport run(RowImporter<T> importer, ImportRequest request, boolean write, boolean validRowsOnly,
                                 String actor) {
        Event event = event(request);
        CsvTable table = CsvReader.readRows(request.content());
        ColumnMapping mapping = ColumnMapping.of(request.kind(), table.headers(), request.mapping());
        for (ImportField required : importer.requiredColumns()) {
            if (!mapping.maps(required)) {
                throw DomainException.invalid("file", "missing_column", required.key(),
                        String.join(", ", request.kind().aliases(required)));
            }
        }
        List<ImportRow> rows = new ArrayList<>(table.rows().size());
        List<RowProblem> ragged = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            rows.add(new ImportRow(row.line(), mapping.values(row), mapping));
            for (int i = table.headers().size(); i < row.cells().size(); i++) {
                if (!row.cells().get(i).isBlank()) {
                    ragged.add(RowProblem.of(row.line(), null, "too_many_cells", row.cells().size(), table.headers().size()));
                    break;
                }
            }
        }
        ImportField valuesField = importer.valuesField();
        ValueChoices values = valuesField == null ? ValueChoices.NONE
                : request.values().over(valueMappings.stored(request.kind(), valuesField));
        List<Planned<T>> plans = new ArrayList<>(importer.plan(rows, event, values));
        java.util.Set<Integer> raggedLines = new java.util.HashSet<>();
        ragged.forEach(p -> raggedLines.add(p.line()));
        for (int i = 0; i < plans.size(); i++) {
            Planned<T> plan = plans.get(i);
            if (raggedLines.contains(plan.row().line())) {
                List<RowProblem> all = new ArrayList<>(plan.problems());
                ragged.stream().filter(p -> p.line() == plan.row().line()).forEach(all::add);
                plans.set(i, Planned.rejected(plan.row(), all));
            }
        }
        if (importer.settlesByWriting()) {
            plans = replaceAccepted(plans, importer.write(plans.stream().filter(Planned::accepted).toList(), event,
                    request, actor));
        }
        List<RowProblem> problems = new ArrayList<>();
        plans.forEach(p -> problems.addAll(p.problems()));
        List<Planned<T>> accepted = plans.stream().filter(Planned::accepted).toList();
        boolean commit = write && (problems.isEmpty() || validRowsOnly);
        if (commit && !importer.settlesByWriting()) {
            importer.write(accepted, event, request, actor);
        }
        if (commit && valuesField != null) {
            valueMappings.remember(request.kind(), valuesField, request.values(), actor);
        }
        int rejected = plans.size() - accepted.size();
        ImportReport.Counts counts = new ImportReport.Counts(plans.size(), accepted.size(), rejected,
                count(accepted, Planned.Outcome.CREATE), count(accepted, Planned.Outcome.UPDATE),
                count(accepted, Planned.Outcome.UNCHANGED), commit ? rejected : 0);
        return new ImportReport(request.kind().path(), event == null ? null : event.slug(), table.encoding(),
                table.separatorName(), commit, mapping.columns(), counts, problems,
                plans.stream().map(Planned::result).filter(java.util.Objects::nonNull).toList(),
                importer.unknownValues(rows, values));
    }

    private static <T> List<Planned<T>> replaceAccepted(List<Planned<T>> plans, List<Planned<T>> written) {
        Iterator<Planned<T>> next = written.iterator();
        List<Planned<T>> all = new ArrayList<>(plans.size());
        for (Planned<T> plan : plans) {
            all.add(plan.accepted() ? next.next() : plan);
        }
        return all;
    }

    private Event event(ImportRequest request) {
        if (request.kind() != ImportKind.REGISTRATIONS) {
            return null;
        }
        if (request.eventSlug() == null || request.eventSlug().isBlank()) {
            throw DomainException.invalid("event", "event_required");
        }
        return events.findBySlug(request.eventSlug()).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    private static int count(List<? extends Planned<?>> plans, Planned.Outcome outcome) {
        return (int) plans.stream().filter(p -> p.outcome() == outcome).count();
    }
}
