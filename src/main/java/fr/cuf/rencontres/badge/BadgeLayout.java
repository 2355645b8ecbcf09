package fr.cuf.rencontres.badge;

import java.util.ArrayList;
import java.util.List;

/**
 * Page formats: one A6 badge per page (the default, for badge printers and A6 holders), or A4
 * sheets of labels for the common badge-holder inserts. Sizes in millimetres.
 */
public enum BadgeLayout {
    /** A6 portrait, one badge a page. */
    A6(105, 148, 1, 1, 105, 148),
    /** Four A6 badges on an A4 sheet, to cut. */
    A4_FOUR_A6(210, 297, 2, 2, 105, 148.5f),
    /** 90 x 54 mm inserts (the usual landscape badge holder), 10 on an A4 sheet. */
    A4_LABELS_90X54(210, 297, 2, 5, 90, 54),
    /** 4 x 3 inch (101.6 x 76.2 mm) inserts, 6 on an A4 sheet. */
    A4_LABELS_102X76(210, 297, 2, 3, 101.6f, 76.2f);

    static final float POINTS_PER_MM = 72f / 25.4f;

    final float pageWidth;
    final float pageHeight;
    final int columns;
    final int rows;
    final float cellWidth;
    final float cellHeight;

    BadgeLayout(float pageWidthMm, float pageHeightMm, int columns, int rows, float cellWidthMm, float cellHeightMm) {
        this.pageWidth = pageWidthMm * POINTS_PER_MM;
        this.pageHeight = pageHeightMm * POINTS_PER_MM;
        this.columns = columns;
        this.rows = rows;
        this.cellWidth = cellWidthMm * POINTS_PER_MM;
        this.cellHeight = cellHeightMm * POINTS_PER_MM;
    }

    int perPage() {
        return columns * rows;
    }

    /** Lower-left corners of the cells of a page (PDF coordinates), in reading order; the grid is centred. */
    List<float[]> cells() {
        float left = (pageWidth - columns * cellWidth) / 2;
        float top = pageHeight - (pageHeight - rows * cellHeight) / 2;
        List<float[]> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                cells.add(new float[] {left + column * cellWidth, top - (row + 1) * cellHeight});
            }
        }
        return cells;
    }

    /** From a request parameter: case-insensitive name; null or blank gives A6. */
    public static BadgeLayout parse(String name) {
        if (name == null || name.isBlank()) {
            return A6;
        }
        for (BadgeLayout layout : values()) {
            if (layout.name().equalsIgnoreCase(name.strip())) {
                return layout;
            }
        }
        throw fr.cuf.rencontres.support.DomainException.invalid("layout", "unknown_badge_layout");
    }
}
