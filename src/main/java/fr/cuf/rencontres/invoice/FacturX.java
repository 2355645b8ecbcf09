package fr.cuf.rencontres.invoice;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.mustangproject.BankDetails;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Turns the printed invoice or credit note into a Factur-X document (profile EN 16931): PDF/A-3 with the CII XML
 * embedded as {@code factur-x.xml}, which Chorus Pro and accounting software read. Mustang writes the XML, the
 * XMP metadata and the sRGB output intent; then every date it stamps (now) is replaced by the document's own
 * issue time and the file identifier derived from its number, so the same document gives the same bytes.
 */
final class FacturX {

    /** ISO 6523 scheme of French SIRET numbers, as Chorus Pro identifies the buyer. */
    static final String SIRET_SCHEME = "0009";
    /** "E" with the exemption text (art. 293 B): Mustang writes "O" (not subject) with a rate, which EN 16931 refuses. */
    private static final String EXEMPT = "E";
    private static final String STANDARD_RATE = "S";

    private FacturX() {
    }

    /** What a Factur-X needs of an invoice or a credit note. */
    record Document(String number, boolean creditNote, LocalDate issuedOn, LocalDate dueOn, Instant issuedAt,
                    Invoice invoice, Issuer issuer, List<Line> lines) {
    }

    record Line(String description, int netCents) {
    }

    static byte[] attach(byte[] pdf, Document d) {
        org.mustangproject.Invoice zf = transaction(d);
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.ignorePDFAErrors();
            exporter.setProducer("rencontres").setCreator(d.issuer().name()).setProfile(Profiles.getByName("EN16931"))
                    .setZUGFeRDVersion(2);
            exporter.load(pdf);
            exporter.setFacturX();
            exporter.setTransaction(zf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return reproducible(out.toByteArray(), d.number(), d.issuedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.mustangproject.Invoice transaction(Document d) {
        Issuer issuer = d.issuer();
        Invoice i = d.invoice();
        TradeParty seller = new TradeParty(issuer.name(), issuer.addressLine(), issuer.postalCode(), issuer.city(),
                issuer.country());
        if (issuer.siret() != null) {
            seller.setLegalOrganisation(new LegalOrganisation(new SchemedID(SIRET_SCHEME, issuer.siret()), issuer.name()));
        }
        if (issuer.vatNumber() != null) {
            seller.addVATID(issuer.vatNumber());
        } else if (issuer.siret() != null) {
            // BR-E-02: an exempt invoice names the seller's tax registration (BT-32); without a VAT number, its SIRET
            seller.setTaxID(issuer.siret());
        }
        if (issuer.iban() != null) {
            seller.addBankDetails(new BankDetails(issuer.iban(), issuer.bic()));
        }
        if (issuer.email() != null) {
            seller.setEmail(issuer.email());
        }
        TradeParty buyer = new TradeParty(i.customerName(), nz(i.customerAddressLine()), nz(i.customerPostalCode()),
                nz(i.customerCity()), i.customerCountry() == null ? "FR" : i.customerCountry());
        if (i.customerSiret() != null) {
            buyer.setLegalOrganisation(new LegalOrganisation(new SchemedID(SIRET_SCHEME, i.customerSiret()), i.customerName()));
        }
        org.mustangproject.Invoice zf = new org.mustangproject.Invoice()
                .setNumber(d.number())
                .setIssueDate(date(d.issuedOn()))
                .setDueDate(date(d.dueOn()))
                .setDeliveryDate(date(i.issuedOn()))
                .setSender(seller)
                .setRecipient(buyer)
                .setCurrency("EUR")
                .setPaymentTermDescription(issuer.paymentTerms())
                .addNote(issuer.latePaymentMention());
        if (i.chorusServiceCode() != null) {
            zf.setReferenceNumber(i.chorusServiceCode());
        }
        if (i.purchaseOrder() != null) {
            zf.setBuyerOrderReferencedDocumentID(i.purchaseOrder());
        }
        if (d.creditNote()) {
            zf.setCreditNote();
            zf.setInvoiceReferencedDocumentID(i.invoiceNumber());
            zf.setInvoiceReferencedIssueDate(date(i.issuedOn()));
        }
        BigDecimal percent = issuer.subjectToVat() ? BigDecimal.valueOf(issuer.vatRateBasisPoints(), 2) : BigDecimal.ZERO;
        for (Line line : d.lines()) {
            Product product = new Product(line.description(), "", "C62", percent);
            if (issuer.subjectToVat()) {
                product.setTaxCategoryCode(STANDARD_RATE);
            } else {
                product.setTaxCategoryCode(EXEMPT).setTaxExemptionReason(issuer.vatExemptionMention());
            }
            zf.addItem(new Item(product, BigDecimal.valueOf(line.netCents(), 2), BigDecimal.ONE));
        }
        return zf;
    }

    /** Replaces the dates stamped at export by the document's issue time, and sets a file identifier of its own. */
    static byte[] reproducible(byte[] pdf, String number, Instant issuedAt) throws IOException {
        Instant at = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());
        String xmpDate = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setCreationDate(calendar);
            document.getDocumentInformation().setModificationDate(calendar);
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names != null && names.getEmbeddedFiles() != null) {
                fixEmbedded(names.getEmbeddedFiles(), calendar);
            }
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata != null) {
                String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
                xmp = xmp.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})", xmpDate);
                metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            }
            byte[] id = md5(number);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void fixEmbedded(PDNameTreeNode<PDComplexFileSpecification> node, Calendar calendar) throws IOException {
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (PDComplexFileSpecification spec : files.values()) {
                for (PDEmbeddedFile file : new PDEmbeddedFile[]{spec.getEmbeddedFile(), spec.getEmbeddedFileUnicode()}) {
                    if (file != null) {
                        file.setCreationDate(calendar);
                        file.setModDate(calendar);
                    }
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                fixEmbedded(kid, calendar);
            }
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mustang prints dates in the JVM's zone: noon there is the same calendar day in any zone. */
    private static Date date(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
