package fr.cuf.rencontres.badge;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a text into a width without ever cutting it: the largest size (down to a minimum) at which it
 * fits on at most {@code maxLines} lines; failing that, the minimum size on as many lines as needed,
 * breaking a word that is wider than the whole line at a hyphen, then between letters.
 */
public final class TextFit {

    public record Fitted(List<String> lines, float size) {
        public float height(float leading) {
            return lines.size() * size * leading;
        }
    }

    private TextFit() {
    }

    public static Fitted fit(String text, PDFont font, float width, float maxSize, float minSize, int maxLines) {
        for (float size = maxSize; size >= minSize - 0.001f; size -= 0.5f) {
            List<String> lines = wrap(text, font, size, width);
            if (lines.size() <= maxLines) {
                return new Fitted(lines, size);
            }
        }
        return new Fitted(wrap(text, font, minSize, width), minSize);
    }

    public static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy line filling, word by word; every character of the text ends up on some line. */
    static List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String separator = " ";
            for (String piece : pieces(word, font, size, width)) {
                String candidate = line.isEmpty() ? piece : line + separator + piece;
                separator = "";
                if (width(font, size, candidate) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(piece);
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A word as is when it fits a line; else split after its hyphens; else between letters. */
    private static List<String> pieces(String word, PDFont font, float size, float width) {
        if (width(font, size, word) <= width) {
            return List.of(word);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            int cp = word.codePointAt(i);
            String next = piece.toString() + new String(Character.toChars(cp));
            if (!piece.isEmpty() && width(font, size, next) > width) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.appendCodePoint(cp);
            if (cp == '-' && i + 1 < word.length()) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
