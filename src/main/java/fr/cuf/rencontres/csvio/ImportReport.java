package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import found and did. Before a commit (a preview, a dry run, or a commit refused because of
 * problems) the counts say what would happen and {@code committed} is false. After a commit, rows with
 * problems are counted as {@code skipped}. {@code rows}: what each row of a registration import does
 * (empty for the other kinds, whose counts say it all). {@code unknownValues}: values of the file the import
 * does not know by itself (organisation types), each once, with the known value staff chose for it.
 */
@Serdeable
public record ImportReport(
        String kind,
        @Nullable String event,
        String encoding,
        String separator,
        boolean committed,
        List<ColumnMapping.Column> columns,
        Counts counts,
        List<RowProblem> problems,
        @Nullable List<RowResult> rows,
        @Nullable List<UnknownValue> unknownValues) {

    public ImportReport {
        columns = columns == null ? List.of() : List.copyOf(columns);
        problems = problems == null ? List.of() : List.copyOf(problems);
        rows = rows == null ? List.of() : List.copyOf(rows);
        unknownValues = unknownValues == null ? List.of() : List.copyOf(unknownValues);
    }

    @Serdeable
    public record Counts(int rows, int valid, int rejected, int created, int updated, int unchanged, int skipped) {
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
