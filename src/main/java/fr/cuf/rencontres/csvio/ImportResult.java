package fr.cuf.rencontres.csvio;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An {@link ImportReport} in the reader's language: what the API answers and the pages show. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportResult(
        String kind,
        @Nullable String event,
        String encoding,
        String separator,
        boolean committed,
        List<ColumnMapping.Column> columns,
        ImportReport.Counts counts,
        List<Problem> problems,
        List<RowResult> rows,
        List<UnknownValue> unknownValues) {

    /** One problem: line (header = 1), column header, stable code, message. */
    @Serdeable
    public record Problem(int line, @Nullable String column, String code, String message) {
    }
}
