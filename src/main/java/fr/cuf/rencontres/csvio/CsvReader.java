package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.DomainException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files spreadsheets write: UTF-8 with or without a byte order mark, or Windows-1252
 * (French Excel's "CSV (séparateur : point-virgule)"), separated by {@code ;}, {@code ,} or tabs.
 * The parsing itself is Apache Commons CSV's.
 */
public final class CsvReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String BOM = "\uFEFF";

    private CsvReader() {
    }

    /** As {@link #read}, refusing a file with a header and no data row ({@code header_only_csv}): nothing to import. */
    public static CsvTable readRows(byte[] bytes) {
        CsvTable table = read(bytes);
        if (table.rows().isEmpty()) {
            throw DomainException.invalid("file", "header_only_csv");
        }
        return table;
    }

    public static CsvTable read(byte[] bytes) {
        Decoded decoded = decode(bytes);
        String text = decoded.text();
        char separator = detectSeparator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<String> headers = null;
        List<CsvTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                List<String> cells = record.toList();
                if (isBlank(cells)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new CsvTable.Row(line, cells));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw DomainException.invalid("file", "unreadable_csv", e.getMessage());
        }
        if (headers == null) {
            throw DomainException.invalid("file", "empty_csv");
        }
        return new CsvTable(decoded.encoding(), separator, headers, rows);
    }

    record Decoded(String text, String encoding) {
    }

    /** Strict UTF-8 first (a BOM is dropped); anything that is not valid UTF-8 is Windows-1252. */
    static Decoded decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith(BOM)) {
                return new Decoded(text.substring(1), "UTF-8 (BOM)");
            }
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, WINDOWS_1252), "Windows-1252");
        }
    }

    /**
     * The separator of the first non-empty line (the header): the most frequent of {@code ;},
     * tab and {@code ,} outside quotes. Ties go to {@code ;}, French Excel's choice.
     */
    static char detectSeparator(String text) {
        int semicolons = 0;
        int tabs = 0;
        int commas = 0;
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenContent) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    case ',' -> commas++;
                    default -> {
                        if (!Character.isWhitespace(c)) {
                            seenContent = true;
                        }
                    }
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    private static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
