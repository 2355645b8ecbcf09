package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which field each column fills. Headers are recognised by {@link ImportKind}'s names; staff may map
 * other columns (or change a recognised one) with {@code header=field} entries, {@code header=ignore}
 * leaving a column out. When two columns name the same field, the first one wins.
 */
public final class ColumnMapping {

    public static final String IGNORE = "ignore";

    /** One column of the file as mapped; {@code field} is null when the column is left out. */
    @Serdeable
    public record Column(int index, String header, @Nullable String field, boolean chosen) {
    }

    private final List<Column> columns;
    private final Map<ImportField, Integer> indexes;

    private ColumnMapping(List<Column> columns, Map<ImportField, Integer> indexes) {
        this.columns = List.copyOf(columns);
        this.indexes = indexes;
    }

    public static ColumnMapping of(ImportKind kind, List<String> headers, List<String> choices) {
        Map<String, String> chosen = parse(kind, choices);
        List<Column> columns = new ArrayList<>();
        Map<ImportField, Integer> indexes = new EnumMap<>(ImportField.class);
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String choice = chosen.get(HeaderNames.key(header));
            ImportField field = choice != null
                    ? ImportField.fromKey(choice).orElse(null)
                    : kind.fieldOf(header).orElse(null);
            if (field != null && indexes.containsKey(field)) {
                field = null;
            }
            if (field != null) {
                indexes.put(field, i);
            }
            columns.add(new Column(i, header, field == null ? null : field.key(), choice != null));
        }
        return new ColumnMapping(columns, indexes);
    }

    /** "header=field" entries (the last '=' separates them), refused when the field is not one of the kind's. */
    private static Map<String, String> parse(ImportKind kind, List<String> choices) {
        Map<String, String> chosen = new HashMap<>();
        for (String choice : choices == null ? List.<String>of() : choices) {
            if (choice == null || choice.isBlank()) {
                continue;
            }
            int eq = choice.lastIndexOf('=');
            if (eq <= 0) {
                throw DomainException.invalid("map", "invalid_mapping", choice);
            }
            String field = choice.substring(eq + 1).strip();
            if (!field.equalsIgnoreCase(IGNORE)
                    && ImportField.fromKey(field).filter(f -> kind.fields().contains(f)).isEmpty()) {
                throw DomainException.invalid("map", "invalid_mapping", choice);
            }
            chosen.put(HeaderNames.key(choice.substring(0, eq)), field.equalsIgnoreCase(IGNORE) ? IGNORE : field);
        }
        return chosen;
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean maps(ImportField field) {
        return indexes.containsKey(field);
    }

    public Optional<String> header(ImportField field) {
        Integer index = indexes.get(field);
        return index == null ? Optional.empty() : Optional.of(columns.get(index).header());
    }

    /** The row's cells keyed by field. */
    Map<ImportField, String> values(CsvTable.Row row) {
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        indexes.forEach((field, index) -> {
            String value = Cells.clean(row.cell(index));
            if (value != null) {
                values.put(field, value);
            }
        });
        return values;
    }

    /** The mapping as {@code header=field} entries, to carry it from a preview to its commit. */
    public List<String> entries() {
        return columns.stream().map(c -> c.header() + "=" + (c.field() == null ? IGNORE : c.field())).toList();
    }
}
