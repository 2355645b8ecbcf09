package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** A data row of a file, its cells keyed by the fields of the column mapping (cleaned, null when empty). */
record ImportRow(int line, Map<ImportField, String> values, ColumnMapping mapping) {

    @Nullable
    String get(ImportField field) {
        return values.get(field);
    }

    boolean has(ImportField field) {
        return values.get(field) != null;
    }

    /** The header of the field's column, for problems; the field's key when the file has no such column. */
    String column(ImportField field) {
        return mapping.header(field).orElse(field.key());
    }

    RowProblem problem(ImportField field, String code, Object... args) {
        return RowProblem.of(line, field == null ? null : column(field), code, args);
    }
}
