package fr.cuf.rencontres.badge;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/** QR codes drawn by ZXing core: as a matrix (badges draw it in their PDF) or as inline SVG for a page. */
public final class QrCode {

    private QrCode() {
    }

    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException("text too long for a QR code", e);
        }
    }

    /**
     * The code as one SVG path (runs of a row merged), with the 4-module quiet zone readers need, scaled by CSS
     * ({@code width}); {@code label} is its accessible name.
     */
    public static String svg(String text, String label, int width) {
        BitMatrix m = matrix(text);
        int n = m.getWidth();
        int size = n + 8;
        StringBuilder path = new StringBuilder();
        for (int row = 0; row < n; row++) {
            int column = 0;
            while (column < n) {
                if (!m.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < n && m.get(column, row)) {
                    column++;
                }
                path.append('M').append(start + 4).append(' ').append(row + 4)
                        .append('h').append(column - start).append("v1h-").append(column - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + escape(label)
                + "\" width=\"" + width + "\" height=\"" + width + "\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
