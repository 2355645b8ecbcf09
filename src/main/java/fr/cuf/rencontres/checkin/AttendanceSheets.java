package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.PdfFonts;
import fr.cuf.rencontres.badge.TextFit;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Attendance sheets as CSV for French Excel (semicolons, UTF-8 with a byte order mark, cells that
 * would start a formula neutralised) and as a printable A4 PDF with a signature column.
 */
@Singleton
public class AttendanceSheets {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    /** Columns in points; the last, the signature, takes the rest: 130 pt, 46 mm, room for a signature. */
    private static final float[] WIDTHS = {20, 90, 70, 107, 70, 36, 0};
    static final float MIN_SIGNATURE_MM = 45;
    private static final float MARGIN = 36;
    private static final float ROW = 26;

    private final Messages messages;

    AttendanceSheets(Messages messages) {
        this.messages = messages;
    }

    public byte[] csv(Attendance.Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.Builder.create().setDelimiter(';')
                     .setRecordSeparator("\r\n").get())) {
            writer.write('\uFEFF');
            csv.printRecord("Nom", "Prénom", "Organisation", "Fonction", "Type", "Présent", "Heure d'arrivée",
                    "Signature");
            for (Attendance.SheetRow row : sheet.rows()) {
                csv.printRecord(safe(row.lastName()), safe(row.firstName()), safe(row.organisation()),
                        safe(row.function()), type(row.participantType()), row.checkedInAt() == null ? "non" : "oui",
                        hour(row.checkedInAt()), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell starting with = + - @ (or a tab or carriage return) would be a formula in a spreadsheet. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    public byte[] pdf(Attendance.Sheet sheet) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            PDRectangle a4 = PDRectangle.A4;
            float tableWidth = a4.getWidth() - 2 * MARGIN;
            float[] widths = WIDTHS.clone();
            float used = 0;
            for (int i = 0; i < widths.length - 1; i++) {
                used += widths[i];
            }
            widths[widths.length - 1] = tableWidth - used;
            List<List<Attendance.SheetRow>> pages = paginate(sheet.rows(), (int) ((a4.getHeight() - 2 * MARGIN - 90) / ROW));
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    float y = a4.getHeight() - MARGIN;
                    y = line(cs, fonts, fonts.bold, 13, MARGIN, y, tableWidth, "Feuille d'émargement — " + sheet.event().title());
                    y = line(cs, fonts, fonts.regular, 10, MARGIN, y, tableWidth, listLabel(sheet));
                    y = line(cs, fonts, fonts.regular, 8, MARGIN, y, tableWidth, "Page " + (p + 1) + " / " + pages.size()
                            + " — " + sheet.rows().size() + " participant(s)");
                    y -= 6;
                    String[] header = {"N°", "Nom", "Prénom", "Organisation", "Type", "Arrivée", "Signature"};
                    row(cs, fonts, fonts.bold, MARGIN, y, widths, header, new Color(0xee, 0xee, 0xee));
                    y -= ROW;
                    int number = p * pages.get(0).size();
                    for (Attendance.SheetRow r : pages.get(p)) {
                        number++;
                        row(cs, fonts, fonts.regular, MARGIN, y, widths, new String[] {String.valueOf(number),
                                r.lastName(), r.firstName(), r.organisation(), type(r.participantType()),
                                hour(r.checkedInAt()), ""}, null);
                        y -= ROW;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String listLabel(Attendance.Sheet sheet) {
        if (sheet.session() == null) {
            return "Entrée — " + DAY.format(sheet.list().day());
        }
        String when = sheet.session().startsAt() == null ? ""
                : DAY.format(Times.paris(sheet.session().startsAt())) + ", "
                + HOUR.format(Times.paris(sheet.session().startsAt())) + "–" + HOUR.format(Times.paris(sheet.session().endsAt()));
        return sheet.session().title() + (sheet.room() == null ? "" : " — " + sheet.room()) + " — " + when;
    }

    private static List<List<Attendance.SheetRow>> paginate(List<Attendance.SheetRow> rows, int perPage) {
        List<List<Attendance.SheetRow>> pages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += perPage) {
            pages.add(rows.subList(i, Math.min(rows.size(), i + perPage)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    private static float line(PDPageContentStream cs, PdfFonts fonts, PDFont font, float size, float x, float y,
                              float width, String text) throws IOException {
        TextFit.Fitted fitted = TextFit.fit(fonts.printable(text), font, width, size, size, 3);
        cs.setNonStrokingColor(Color.BLACK);
        for (String l : fitted.lines()) {
            y -= size * 1.25f;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(l);
            cs.endText();
        }
        return y - 2;
    }

    /** One table row; each cell's text shrinks, then wraps onto two lines, to stay in its column. */
    private static void row(PDPageContentStream cs, PdfFonts fonts, PDFont font, float x, float top, float[] widths,
                            String[] cells, Color fill) throws IOException {
        float cx = x;
        for (int i = 0; i < cells.length; i++) {
            if (fill != null) {
                cs.setNonStrokingColor(fill);
                cs.addRect(cx, top - ROW, widths[i], ROW);
                cs.fill();
            }
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.5f);
            cs.addRect(cx, top - ROW, widths[i], ROW);
            cs.stroke();
            String text = fonts.printable(cells[i]);
            if (!text.isEmpty()) {
                TextFit.Fitted fitted = TextFit.fit(text, font, widths[i] - 6, 8.5f, wholeWords(text, font, widths[i] - 6), 2);
                float y = top - (ROW - fitted.lines().size() * fitted.size() * 1.15f) / 2 - fitted.size() * 0.9f;
                cs.setNonStrokingColor(Color.BLACK);
                for (String l : fitted.lines()) {
                    cs.beginText();
                    cs.setFont(font, fitted.size());
                    cs.newLineAtOffset(cx + 3, y);
                    cs.showText(l);
                    cs.endText();
                    y -= fitted.size() * 1.15f;
                }
            }
            cx += widths[i];
        }
    }

    /** The smallest size allowed in a cell: 5.5 pt, or less (down to 4) so that no word is broken mid-word. */
    static float wholeWords(String text, PDFont font, float width) {
        float widest = 0;
        for (String word : text.strip().split("\\s+")) {
            widest = Math.max(widest, TextFit.width(font, 1, word));
        }
        return widest == 0 ? 5.5f : Math.max(4f, Math.min(5.5f, width / widest));
    }

    /** The signature column's width in millimetres. */
    static float signatureWidthMm() {
        float used = 0;
        for (int i = 0; i < WIDTHS.length - 1; i++) {
            used += WIDTHS[i];
        }
        return (PDRectangle.A4.getWidth() - 2 * MARGIN - used) / 72f * 25.4f;
    }

    private String type(String participantType) {
        return messages.get(Locale.FRENCH, "badge.type." + participantType);
    }

    private static String hour(Instant at) {
        return at == null ? "" : HOUR.format(Times.paris(at));
    }
}
