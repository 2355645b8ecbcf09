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
        EXCEL(';', true), COMMA(',', false),
        /** Not CSV: the same table as an .xlsx workbook ({@link XlsxWriter}). */
        XLSX(';', false);

        private final char delimiter;
        private final boolean bom;

        Dialect(char delimiter, boolean bom) {
            this.delimiter = delimiter;
            this.bom = bom;
        }

        /** {@code excel} (default), {@code comma} or {@code xlsx}; unknown names give the default. */
        public static Dialect of(String name) {
            String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            return key.equals("comma") ? COMMA : key.equals("xlsx") ? XLSX : EXCEL;
        }

        /** The file name for this dialect: {@code base.csv} or {@code base.xlsx}. */
        public String fileName(String base) {
            return base + (this == XLSX ? ".xlsx" : ".csv");
        }

        public String contentType() {
            return this == XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "text/csv; charset=utf-8";
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private CsvWriter() {
    }

    public static byte[] write(Dialect dialect, List<String> header, Iterable<? extends List<?>> rows) {
        if (dialect == Dialect.XLSX) {
            return XlsxWriter.write(header, rows);
        }
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

    /**
     * The cell as text, with an apostrophe in front when a spreadsheet would evaluate it. Typed cells are written
     * as French accountants read them, in both dialects: amounts ({@link java.math.BigDecimal}) with a decimal comma
     * ({@code 120,00}), days {@code JJ/MM/AAAA}, times {@code JJ/MM/AAAA hh:mm}.
     */
    public static String neutralise(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof java.math.BigDecimal || cell instanceof java.time.temporal.Temporal) {
            return french(cell); // a number or a date, never a formula ("-12,00" is a refund)
        }
        String text = cell.toString();
        return !text.isEmpty() && isFormulaStart(text.charAt(0)) ? "'" + text : text;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    static String french(Object cell) {
        if (cell instanceof java.math.BigDecimal amount) {
            return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
        if (cell instanceof java.time.LocalDateTime time) {
            return TIME.format(time);
        }
        if (cell instanceof java.time.LocalDate day) {
            return DAY.format(day);
        }
        return cell.toString();
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
