package fr.cuf.rencontres.csvio;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The .xlsx variant of every export: the same header and rows as the CSV, with typed cells, so that a
 * spreadsheet sums amounts and sorts dates without conversion: amounts ({@link BigDecimal}) as numbers shown
 * {@code 1 234,00}, days ({@link LocalDate}) as dates shown {@code JJ/MM/AAAA}, times ({@link LocalDateTime})
 * {@code JJ/MM/AAAA hh:mm}; everything else as text (never a formula, so no neutralisation is needed).
 */
final class XlsxWriter {

    private XlsxWriter() {
    }

    static byte[] write(List<String> header, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "rencontres", "1.0");
            Worksheet sheet = workbook.newWorksheet("Export");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (List<?> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r, c, row.get(c));
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal amount) {
            sheet.value(r, c, amount);
            sheet.style(r, c).format("#,##0.00").set();
        } else if (value instanceof LocalDateTime time) {
            sheet.value(r, c, time);
            sheet.style(r, c).format("dd/mm/yyyy hh:mm").set();
        } else if (value instanceof LocalDate day) {
            sheet.value(r, c, day);
            sheet.style(r, c).format("dd/mm/yyyy").set();
        } else {
            String text = value.toString();
            if (!text.isEmpty()) {
                sheet.value(r, c, text);
            }
        }
    }
}
