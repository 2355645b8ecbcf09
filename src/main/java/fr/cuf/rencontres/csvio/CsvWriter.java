package fr.cuf.rencontres.csvio;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV files that open by double-click: {@link Dialect#EXCEL} ({@code ;} and UTF-8 with a byte
 * order mark, what French Excel expects; the default) or {@link Dialect#COMMA} ({@code ,} and plain UTF-8).
 * Every cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return at the
 * start) is prefixed with an apostrophe. Reusable by every feature that exports a list.
 */
public final class CsvWriter {

    public enum Dialect {
        EXCEL(';', true), COMMA(',', false);

        private final char delimiter;
        private final boolean bom;

        Dialect(char delimiter, boolean bom) {
            this.delimiter = delimiter;
            this.bom = bom;
        }

        /** {@code excel} (default) or {@code comma}; unknown names give the default. */
        public static Dialect of(String name) {
            return name != null && name.strip().toLowerCase(Locale.ROOT).equals("comma") ? COMMA : EXCEL;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private CsvWriter() {
    }

    public static byte[] write(Dialect dialect, List<String> header, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter).get())) {
            if (dialect.bom) {
                out.write('\uFEFF');
            }
            printer.printRecord(neutralise(header));
            for (List<?> row : rows) {
                printer.printRecord(neutralise(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The cell as text, with an apostrophe in front when a spreadsheet would evaluate it. */
    public static String neutralise(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        return !text.isEmpty() && isFormulaStart(text.charAt(0)) ? "'" + text : text;
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static List<String> neutralise(List<?> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            out.add(neutralise(cell));
        }
        return out;
    }
}
