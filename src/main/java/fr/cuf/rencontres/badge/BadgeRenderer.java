package fr.cuf.rencontres.badge;

import com.google.zxing.common.BitMatrix;
import fr.cuf.rencontres.registration.ParticipantType;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws badges into a PDF: the name large, then function, organisation and country, the QR code,
 * and a band in the colour of the participant type with the type written on it (never colour alone).
 * Texts shrink, then wrap, to fit; nothing is ever cut. The QR code is drawn as vector squares.
 */
@Singleton
class BadgeRenderer {

    private static final float LEADING = 1.18f;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color GREY = new Color(0x44, 0x44, 0x44);
    private static final Map<ParticipantType, Color> BANDS = new EnumMap<>(Map.of(
            ParticipantType.ELECTED_OFFICIAL, new Color(0x1f, 0x4e, 0x9c),
            ParticipantType.OFFICER, new Color(0x2e, 0x6b, 0x30),
            ParticipantType.PARTNER, new Color(0x9a, 0x4d, 0x00),
            ParticipantType.SPEAKER, new Color(0x6a, 0x1b, 0x9a),
            ParticipantType.PRESS, new Color(0x21, 0x21, 0x21),
            ParticipantType.STAFF, new Color(0xb7, 0x1c, 0x1c)));
    /** The A6 reference size, in points, against which sizes below are given. */
    private static final float A6_WIDTH = 105 * BadgeLayout.POINTS_PER_MM;
    private static final float LABEL_HEIGHT = 54 * BadgeLayout.POINTS_PER_MM;

    byte[] render(List<BadgeCard> cards, BadgeLayout layout) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            // the QR matrices on every core first; PDFBox then draws them on one thread
            List<BitMatrix> codes = cards.parallelStream().map(card -> qr(card.code())).toList();
            List<float[]> cells = layout.cells();
            for (int start = 0; start < cards.size(); start += layout.perPage()) {
                PDPage page = new PDPage(new PDRectangle(layout.pageWidth, layout.pageHeight));
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    for (int i = 0; i < layout.perPage() && start + i < cards.size(); i++) {
                        float[] cell = cells.get(i);
                        Box box = new Box(cell[0], cell[1], layout.cellWidth, layout.cellHeight);
                        if (layout.perPage() > 1) {
                            outline(cs, box);
                        }
                        if (box.w > box.h) {
                            landscape(cs, fonts, cards.get(start + i), codes.get(start + i), box);
                        } else {
                            portrait(cs, fonts, cards.get(start + i), codes.get(start + i), box);
                        }
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

    record Box(float x, float y, float w, float h) {
    }

    /** One text of a badge: its font, its size range, how many lines before shrinking further. */
    /** What a block holds: the first and last names are fitted together (see {@link #fitNames}). */
    enum Part { TEXT, FIRST_NAME, LAST_NAME }

    record Block(String text, PDFont font, float max, float min, int maxLines, Color color, float gapAfter, Part part) {
        Block(String text, PDFont font, float max, float min, int maxLines, Color color, float gapAfter) {
            this(text, font, max, min, maxLines, color, gapAfter, Part.TEXT);
        }

        float maxAt(float f) {
            return Math.max(max * f, minAt(f));
        }

        float minAt(float f) {
            return min * Math.min(1, f * 1.4f);
        }
    }

    private void portrait(PDPageContentStream cs, PdfFonts fonts, BadgeCard card, BitMatrix code, Box box)
            throws IOException {
        float k = Math.min(box.w / A6_WIDTH, box.h / (148 * BadgeLayout.POINTS_PER_MM));
        float m = 16 * k;
        float band = 36 * k;
        float inner = box.w - 2 * m;
        band(cs, fonts, card, box.x, box.y, box.w, band, 15 * k);
        float qr = Math.min(box.w * 0.40f, box.h * 0.30f);
        float qrBottom = box.y + band + m * 0.8f;
        drawQr(cs, code, box.x + (box.w - qr) / 2, qrBottom, qr);
        List<Block> header = List.of(
                new Block(fonts.printable(card.eventTitle()), fonts.bold, 10.5f * k, 6, 2, GREY, 2 * k),
                new Block(fonts.printable(card.eventDates()), fonts.regular, 9.5f * k, 6, 2, GREY, 0));
        float top = box.y + box.h - m;
        float headerBottom = column(cs, header, box.x + m, top, inner, top - 60 * k, true);
        cs.setStrokingColor(GREY);
        cs.setLineWidth(0.5f);
        cs.moveTo(box.x + m, headerBottom - 6 * k);
        cs.lineTo(box.x + box.w - m, headerBottom - 6 * k);
        cs.stroke();
        column(cs, personBlocks(fonts, card, k, 1f), box.x + m, headerBottom - 16 * k, inner,
                qrBottom + qr + 8 * k, true);
    }

    private void landscape(PDPageContentStream cs, PdfFonts fonts, BadgeCard card, BitMatrix code, Box box)
            throws IOException {
        float k = box.h / LABEL_HEIGHT;
        float m = 8 * k;
        float band = 20 * k;
        band(cs, fonts, card, box.x, box.y, box.w, band, 9 * k);
        // a quiet zone of 4.5 modules (a code is about 37 modules wide) around the QR code: scanners need it
        float qr = Math.min((box.h - band) / (1 + 9f / 37), box.w * 0.40f);
        float quiet = qr * 4.5f / 37;
        drawQr(cs, code, box.x + box.w - quiet - qr, box.y + band + quiet, qr);
        float inner = box.w - qr - 2 * quiet - m;
        List<Block> blocks = new ArrayList<>(personBlocks(fonts, card, k, 0.58f));
        blocks.add(new Block(fonts.printable(card.eventTitle() + " · " + card.eventDates()), fonts.regular,
                5.5f * k, 4.5f, 2, GREY, 0));
        column(cs, blocks, box.x + m, box.y + box.h - m, inner, box.y + band + m * 0.6f, false);
    }

    private static List<Block> personBlocks(PdfFonts fonts, BadgeCard card, float k, float scale) {
        float s = k * scale;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(fonts.printable(card.firstName()), fonts.regular, 24 * s, 8, 2, INK, 0, Part.FIRST_NAME));
        blocks.add(new Block(fonts.printable(card.lastName()), fonts.bold, 28 * s, 8, 2, INK, 10 * s, Part.LAST_NAME));
        if (card.function() != null && !card.function().isBlank()) {
            blocks.add(new Block(fonts.printable(card.function()), fonts.regular, 12 * s, 6, 3, INK, 5 * s));
        }
        if (card.organisation() != null && !card.organisation().isBlank()) {
            blocks.add(new Block(fonts.printable(card.organisation()), fonts.bold, 12.5f * s, 6, 3, INK, 3 * s));
        }
        if (card.country() != null && !card.country().isBlank()) {
            blocks.add(new Block(fonts.printable(card.country()), fonts.regular, 11 * s, 6, 1, GREY, 0));
        }
        return blocks;
    }

    /**
     * Lays the blocks from {@code top} down to at most {@code bottom}: every block at its largest size
     * that keeps it within its lines; when the whole does not fit, all sizes shrink together (down to
     * half); a text never disappears. Returns the y below the last line.
     */
    private float column(PDPageContentStream cs, List<Block> blocks, float left, float top, float width,
                         float bottom, boolean centred) throws IOException {
        List<TextFit.Fitted> fitted = null;
        float gapScale = 1f;
        for (float f = 1f; f >= 0.5f; f -= 0.05f) {
            fitted = new ArrayList<>();
            float height = 0;
            float scale = f;
            TextFit.Fitted lastName = blocks.stream().filter(b -> b.part() == Part.LAST_NAME).findFirst()
                    .map(b -> fitLastName(b, width, scale)).orElse(null);
            for (Block b : blocks) {
                TextFit.Fitted one = switch (b.part()) {
                    case LAST_NAME -> lastName;
                    // never larger than the last name: the name people are called by is the surname on a badge
                    case FIRST_NAME -> lastName == null ? TextFit.fit(b.text(), b.font(), width, b.maxAt(f), b.minAt(f),
                            b.maxLines()) : TextFit.fit(b.text(), b.font(), width, Math.min(b.maxAt(f), lastName.size()),
                            Math.min(b.minAt(f), lastName.size()), b.maxLines());
                    case TEXT -> TextFit.fit(b.text(), b.font(), width, b.maxAt(f), b.minAt(f), b.maxLines());
                };
                fitted.add(one);
                height += one.height(LEADING) + b.gapAfter() * f;
            }
            gapScale = f;
            if (height <= top - bottom) {
                break;
            }
        }
        float y = top;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            TextFit.Fitted one = fitted.get(i);
            cs.setNonStrokingColor(b.color());
            for (String line : one.lines()) {
                float baseline = y - one.size() * 0.93f;
                float x = centred ? left + (width - TextFit.width(b.font(), one.size(), line)) / 2 : left;
                text(cs, b.font(), one.size(), x, baseline, line);
                y -= one.size() * LEADING;
            }
            y -= b.gapAfter() * gapScale;
        }
        return y;
    }

    /**
     * A long last name first shrinks on one line (down to 60 % of its size), and only then wraps: "Rakotoarisoa-
     * Andrianavalona" stays one word as long as it can.
     */
    static TextFit.Fitted fitLastName(Block b, float width, float f) {
        float oneLineFloor = Math.max(b.minAt(f), b.maxAt(f) * 0.6f);
        TextFit.Fitted oneLine = TextFit.fit(b.text(), b.font(), width, b.maxAt(f), oneLineFloor, 1);
        return oneLine.lines().size() == 1 ? oneLine
                : TextFit.fit(b.text(), b.font(), width, oneLineFloor, b.minAt(f), b.maxLines());
    }

    private void band(PDPageContentStream cs, PdfFonts fonts, BadgeCard card, float x, float y, float w, float h,
                      float maxSize) throws IOException {
        cs.setNonStrokingColor(BANDS.get(card.type()));
        cs.addRect(x, y, w, h);
        cs.fill();
        String label = fonts.printable(card.typeLabel());
        TextFit.Fitted fitted = TextFit.fit(label, fonts.bold, w - h * 0.5f, maxSize, 5, 2);
        float lineHeight = fitted.size() * LEADING;
        float baseline = y + h / 2 + (fitted.lines().size() * lineHeight) / 2 - fitted.size() * 0.93f;
        cs.setNonStrokingColor(Color.WHITE);
        for (String line : fitted.lines()) {
            text(cs, fonts.bold, fitted.size(), x + (w - TextFit.width(fonts.bold, fitted.size(), line)) / 2,
                    baseline, line);
            baseline -= lineHeight;
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String line)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
    }

    private static void outline(PDPageContentStream cs, Box box) throws IOException {
        cs.setStrokingColor(new Color(0xcc, 0xcc, 0xcc));
        cs.setLineWidth(0.3f);
        cs.addRect(box.x, box.y, box.w, box.h);
        cs.stroke();
    }

    /** The code as dark squares, runs of a row merged into one rectangle (smaller, faster PDFs). */
    static BitMatrix qr(String code) {
        return QrCode.matrix(code);
    }

    static void drawQr(PDPageContentStream cs, BitMatrix matrix, float x, float y, float size) throws IOException {
        int n = matrix.getWidth();
        float cell = size / n;
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < n; row++) {
            int column = 0;
            while (column < n) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < n && matrix.get(column, row)) {
                    column++;
                }
                cs.addRect(x + start * cell, y + size - (row + 1) * cell, (column - start) * cell, cell + 0.05f);
            }
        }
        cs.fill();
    }
}
