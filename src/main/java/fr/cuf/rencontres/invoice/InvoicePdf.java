package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.badge.TextFit;
import fr.cuf.rencontres.badge.PdfFonts;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.Messages;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A printable invoice (A4, PDFBox): CUF header, number and date, the organisation invoiced, one line per
 * registration with its category and stored price, the total, what was paid, the VAT note and how to pay.
 * Long invoices continue on further pages.
 */
@Singleton
public class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float LINE = 15;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float DESCRIPTION_WIDTH = 320;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InvoiceService invoices;
    private final EventRepository events;
    private final OrganisationService organisations;
    private final Messages messages;

    InvoicePdf(InvoiceService invoices, EventRepository events, OrganisationService organisations, Messages messages) {
        this.invoices = invoices;
        this.events = events;
        this.organisations = organisations;
        this.messages = messages;
    }

    public byte[] render(long invoiceId, Locale locale) {
        Invoice invoice = invoices.get(invoiceId);
        Event event = events.findById(invoice.eventId()).orElseThrow();
        Organisation to = organisations.get(invoice.organisationId());
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.load(document);
            Writer w = new Writer(document, fonts);
            w.text(fonts.bold, 16, MARGIN, "Cités Unies France");
            w.text(fonts.regular, 9, MARGIN, "9 rue Christiani, 75018 Paris · www.cites-unies-france.org");
            w.gap(2);
            w.text(fonts.bold, 14, MARGIN, t(locale, "invoice.pdf.title") + " " + invoice.invoiceNumber());
            w.text(fonts.regular, 10, MARGIN, t(locale, "invoice.pdf.date") + " : " + DAY.format(invoice.issuedOn()));
            w.gap(1);
            w.text(fonts.bold, 10, MARGIN, t(locale, "invoice.pdf.to"));
            w.text(fonts.regular, 10, MARGIN, to.name());
            if (to.addressLine() != null) {
                w.text(fonts.regular, 10, MARGIN, to.addressLine());
            }
            w.text(fonts.regular, 10, MARGIN, String.join(" ", nz(to.postalCode()), nz(to.city())).strip());
            if (to.siren() != null) {
                w.text(fonts.regular, 10, MARGIN, "SIREN " + to.siren());
            }
            w.gap(1);
            w.row(fonts.bold, t(locale, "invoice.pdf.line"), t(locale, "invoice.pdf.category"), t(locale, "invoice.pdf.amount"));
            for (InvoiceLine line : invoices.lines(invoiceId)) {
                w.row(fonts.regular, line.description(), nz(line.priceCategory()), InvoiceService.euros(line.amountCents()));
            }
            w.gap(0.5f);
            w.row(fonts.bold, t(locale, "invoice.pdf.total"), "", InvoiceService.euros(invoice.totalCents()));
            w.row(fonts.regular, t(locale, "invoice.pdf.paid"), "", InvoiceService.euros(invoice.paidCents()));
            w.row(fonts.bold, t(locale, "invoice.pdf.due"), "", InvoiceService.euros(invoice.dueCents()));
            w.gap(1);
            List<Payment> paid = invoices.payments(invoiceId);
            if (!paid.isEmpty()) {
                w.text(fonts.bold, 10, MARGIN, t(locale, "invoice.pdf.payments"));
                for (Payment p : paid) {
                    w.text(fonts.regular, 10, MARGIN, DAY.format(p.paidOn()) + " · " + t(locale, "invoice.method." + p.method()) + " · "
                            + InvoiceService.euros(p.amountCents()) + (p.reference() == null ? "" : " · " + p.reference()));
                }
                w.gap(1);
            }
            w.text(fonts.regular, 10, MARGIN, t(locale, "invoice.pdf.vat"));
            w.text(fonts.regular, 10, MARGIN, t(locale, "invoice.pdf.payment"));
            w.text(fonts.regular, 9, MARGIN, event.title());
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(Locale locale, String key) {
        return messages.get(locale, key);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Writes lines top-down, opening a new page when the current one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PdfFonts fonts;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PdfFonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float lines) {
            y -= LINE * lines;
        }

        /** A paragraph, wrapped to the page's width: never cut. */
        void text(PDFont font, float size, float x, String text) throws IOException {
            for (String line : TextFit.fit(fonts.printable(text), font, WIDTH, size, size, Integer.MAX_VALUE).lines()) {
                if (y < MARGIN + LINE) {
                    newPage();
                }
                show(font, size, x, line);
                y -= LINE;
            }
        }

        private void show(PDFont font, float size, float x, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

        /** Description (wrapped in its column, never cut), category, amount aligned right. */
        void row(PDFont font, String description, String category, String amount) throws IOException {
            List<String> lines = TextFit.fit(fonts.printable(description), font, DESCRIPTION_WIDTH, 10, 10,
                    Integer.MAX_VALUE).lines();
            if (y - LINE * (lines.size() - 1) < MARGIN + LINE) {
                newPage();
            }
            float right = PDRectangle.A4.getWidth() - MARGIN;
            String a = fonts.printable(amount);
            show(font, 10, MARGIN + DESCRIPTION_WIDTH + 10, fonts.printable(category));
            show(font, 10, right - TextFit.width(font, 10, a), a);
            for (String line : lines) {
                show(font, 10, MARGIN, line);
                y -= LINE;
            }
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
