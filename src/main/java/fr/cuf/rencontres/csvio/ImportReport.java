package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import found and did. Before a commit (a preview, a dry run, or a commit refused because of
 * problems) the counts say what would happen and {@code committed} is false. After a commit, rows with
 * problems are counted as {@code skipped}.
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
        List<RowProblem> problems) {

    public ImportReport {
        columns = columns == null ? List.of() : List.copyOf(columns);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @Serdeable
    public record Counts(int rows, int valid, int rejected, int created, int updated, int unchanged, int skipped) {
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
