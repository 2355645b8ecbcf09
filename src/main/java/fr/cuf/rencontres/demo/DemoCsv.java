package fr.cuf.rencontres.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** Reads the demo files under classpath:demo/ (semicolon-separated UTF-8, one header line). */
final class DemoCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';').setHeader().setSkipHeaderRecord(true).setTrim(true).get();

    private DemoCsv() {
    }

    static List<CSVRecord> read(String name) {
        InputStream in = DemoCsv.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("missing demo file " + name);
        }
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(CSVRecord row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    static boolean flag(CSVRecord row, String column) {
        return "true".equalsIgnoreCase(row.get(column));
    }

    static Integer number(CSVRecord row, String column) {
        String value = text(row, column);
        return value == null ? null : Integer.valueOf(value);
    }

    static LocalDateTime dateTime(CSVRecord row, String column) {
        String value = text(row, column);
        return value == null ? null : LocalDateTime.parse(value);
    }

    static LocalTime time(CSVRecord row, String column) {
        String value = text(row, column);
        return value == null ? null : LocalTime.parse(value);
    }

    static List<String> list(CSVRecord row, String column) {
        String value = text(row, column);
        return value == null ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
    }
}
