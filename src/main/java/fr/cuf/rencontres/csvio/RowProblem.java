package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Why a row (or the file) cannot be imported: the line as the spreadsheet shows it (header = 1), the
 * column's header, a stable code (the key {@code error.<code>} of its message) and the message's values.
 */
@Serdeable
public record RowProblem(int line, @Nullable String column, String code, List<String> args) {

    public RowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static RowProblem of(int line, String column, String code, Object... args) {
        return new RowProblem(line, column, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
