package fr.cuf.rencontres.badge;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DejaVu Sans (regular and bold, shipped in {@code resources/fonts} with its licence) embedded as
 * subsets, so accents and most scripts render. Characters the font lacks become '?' instead of
 * failing the whole batch. Also used by the attendance sheets of the check-in feature.
 */
public final class PdfFonts {

    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");
    private static final Map<Integer, Boolean> PRINTABLE = new ConcurrentHashMap<>();

    public final PDFont regular;
    public final PDFont bold;

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    public static PdfFonts load(PDDocument document) {
        try {
            return new PdfFonts(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with line breaks and tabs as spaces, and characters the font cannot draw as '?'. */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (PRINTABLE.computeIfAbsent(cp, this::canDraw)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString().strip();
    }

    private boolean canDraw(int codePoint) {
        try {
            String s = new String(Character.toChars(codePoint));
            regular.encode(s);
            bold.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
