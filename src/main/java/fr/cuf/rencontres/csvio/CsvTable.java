package fr.cuf.rencontres.csvio;

import java.util.List;

/**
 * A CSV file as read: how it was decoded, its header cells and its data rows. Row lines count as a
 * spreadsheet user counts them: the header is line 1, and a quoted line break does not start a new line.
 */
public record CsvTable(String encoding, char separator, List<String> headers, List<Row> rows) {

    public CsvTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One data row; {@code cells} may be shorter or longer than the header (ragged rows). */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    /** The name shown for the separator on pages and in reports. */
    public String separatorName() {
        return switch (separator) {
            case '\t' -> "tab";
            case ';' -> ";";
            default -> ",";
        };
    }
}
