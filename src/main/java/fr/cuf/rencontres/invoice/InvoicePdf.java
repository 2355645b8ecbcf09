package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.badge.TextFit;
import fr.cuf.rencontres.badge.PdfFonts;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice and credit note documents (A4, PDFBox, in French: the language of French invoices), made into
 * Factur-X by {@link FacturX}. They print only what was frozen at issue (the invoice's customer block, lines and
 * issuer), never the organisation as it is today nor the payments (a separate statement): the same document
 * renders the same bytes every time.
 */
@Singleton
public class InvoicePdf {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float DESCRIPTION_WIDTH = 320;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InvoiceService invoices;
    private final CreditNotes creditNotes;

    InvoicePdf(InvoiceService invoices, CreditNotes creditNotes) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    public byte[] invoice(long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Issuer issuer = invoices.issuerOf(invoice);
        List<FacturX.Line> lines = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (InvoiceLine line : invoices.lines(invoiceId)) {
            lines.add(new FacturX.Line(line.description(), line.amountCents()));
            rows.add(new String[]{line.description(), nz(line.priceCategory()), InvoiceService.euros(line.amountCents())});
        }
        byte[] pdf = draw(new Printed("Facture", invoice.invoiceNumber(), null, invoice, issuer, invoice.issuedOn(),
                invoice.dueOn(), rows, invoice.netCents(), invoice.vatCents(), invoice.totalCents()));
        return FacturX.attach(pdf, new FacturX.Document(invoice.invoiceNumber(), false, invoice.issuedOn(),
                invoice.dueOn(), invoice.createdAt(), invoice, issuer, lines));
    }

    public byte[] creditNote(long creditNoteId) {
        CreditNote note = creditNotes.get(creditNoteId);
        Invoice invoice = invoices.get(note.invoiceId());
        Issuer issuer = invoices.issuerOf(invoice);
        List<FacturX.Line> lines = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (CreditNoteLine line : creditNotes.lines(creditNoteId)) {
            lines.add(new FacturX.Line(line.description(), line.amountCents()));
            rows.add(new String[]{line.description(), "", InvoiceService.euros(line.amountCents())});
        }
        byte[] pdf = draw(new Printed("Avoir", note.creditNoteNumber(), "Se rapporte à la facture "
                + invoice.invoiceNumber() + " du " + DAY.format(invoice.issuedOn()) + ". Motif : " + note.reason(),
                invoice, issuer, note.issuedOn(), note.issuedOn(), rows, note.netCents(), note.vatCents(), note.totalCents()));
        return FacturX.attach(pdf, new FacturX.Document(note.creditNoteNumber(), true, note.issuedOn(), note.issuedOn(),
                note.createdAt(), invoice, issuer, lines));
    }

    private record Printed(String kind, String number, String reference, Invoice invoice, Issuer issuer,
                           LocalDate date, LocalDate due, List<String[]> rows, int net, int vat, int total) {
    }

    private static byte[] draw(Printed p) {
        Issuer issuer = p.issuer();
        Invoice to = p.invoice();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.load(document);
            Writer w = new Writer(document, fonts);
            w.text(fonts.bold, 15, MARGIN, issuer.name());
            w.text(fonts.regular, 9, MARGIN, issuer.addressLine() + ", " + issuer.postalCode() + " " + issuer.city());
            List<String> ids = new ArrayList<>();
            if (issuer.siret() != null) {
                ids.add("SIRET " + issuer.siret());
            }
            if (issuer.rna() != null) {
                ids.add("RNA " + issuer.rna());
            }
            if (issuer.vatNumber() != null) {
                ids.add("TVA intracommunautaire " + issuer.vatNumber());
            }
            if (issuer.email() != null) {
                ids.add(issuer.email());
            }
            if (!ids.isEmpty()) {
                w.text(fonts.regular, 9, MARGIN, String.join(" · ", ids));
            }
            w.gap(1.5f);
            w.text(fonts.bold, 14, MARGIN, p.kind() + " n° " + p.number());
            w.text(fonts.regular, 10, MARGIN, "Date : " + DAY.format(p.date()));
            if (p.reference() == null) {
                w.text(fonts.regular, 10, MARGIN, "Date d'échéance : " + DAY.format(p.due()));
            } else {
                w.text(fonts.regular, 10, MARGIN, p.reference());
            }
            w.gap(1);
            w.text(fonts.bold, 10, MARGIN, "Client");
            w.text(fonts.regular, 10, MARGIN, to.customerName());
            if (to.customerAddressLine() != null) {
                w.text(fonts.regular, 10, MARGIN, to.customerAddressLine());
            }
            String city = (nz(to.customerPostalCode()) + " " + nz(to.customerCity())).strip();
            if (!city.isEmpty()) {
                w.text(fonts.regular, 10, MARGIN, city + (to.customerCountry() == null || "FR".equals(to.customerCountry())
                        ? "" : " (" + to.customerCountry() + ")"));
            }
            if (to.customerSiren() != null) {
                w.text(fonts.regular, 10, MARGIN, "SIREN " + to.customerSiren());
            }
            if (to.customerSiret() != null) {
                w.text(fonts.regular, 10, MARGIN, "SIRET " + to.customerSiret());
            }
            if (to.chorusServiceCode() != null) {
                w.text(fonts.regular, 10, MARGIN, "Code service Chorus Pro : " + to.chorusServiceCode());
            }
            if (to.purchaseOrder() != null) {
                w.text(fonts.regular, 10, MARGIN, "Bon de commande / n° d'engagement : " + to.purchaseOrder());
            }
            w.gap(1);
            w.row(fonts.bold, "Désignation", "Catégorie", issuer.subjectToVat() ? "Montant HT" : "Montant");
            for (String[] row : p.rows()) {
                w.row(fonts.regular, row[0], row[1], row[2]);
            }
            w.gap(0.5f);
            if (issuer.subjectToVat()) {
                w.row(fonts.regular, "Total HT", "", InvoiceService.euros(p.net()));
                w.row(fonts.regular, "TVA " + BigDecimal.valueOf(issuer.vatRateBasisPoints(), 2).stripTrailingZeros().toPlainString()
                        + " %", "", InvoiceService.euros(p.vat()));
                w.row(fonts.bold, "Total TTC", "", InvoiceService.euros(p.total()));
            } else {
                w.row(fonts.bold, "Total", "", InvoiceService.euros(p.total()));
            }
            w.gap(1);
            w.text(fonts.regular, 9, MARGIN, issuer.subjectToVat() ? "TVA acquittée sur les débits." : issuer.vatExemptionMention());
            if (p.reference() == null) {
                w.text(fonts.regular, 9, MARGIN, "À payer au plus tard le " + DAY.format(p.due()) + ". " + issuer.paymentTerms());
                if (issuer.iban() != null) {
                    w.text(fonts.regular, 9, MARGIN, "IBAN " + issuer.ibanPrinted() + " · BIC " + nz(issuer.bic()));
                }
                w.text(fonts.regular, 8, MARGIN, issuer.latePaymentMention());
            }
            w.gap(0.5f);
            w.text(fonts.regular, 8, MARGIN, to.eventTitle());
            w.close();
            document.getDocumentInformation().setTitle(p.kind() + " " + p.number());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
