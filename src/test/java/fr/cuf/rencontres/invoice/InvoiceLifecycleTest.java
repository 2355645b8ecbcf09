package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.registration.CategoryForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceRule;
import fr.cuf.rencontres.registration.RegistrationChanges;
import fr.cuf.rencontres.registration.RegistrationDesk;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invoice from issue to payment: frozen, legal, Factur-X, credited, paid; wrong payments cancelled. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class InvoiceLifecycleTest {

    @Inject InvoiceService invoices;
    @Inject InvoicePayments payments;
    @Inject CreditNotes creditNotes;
    @Inject InvoicePdf pdf;
    @Inject RegistrationService registrations;
    @Inject RegistrationChanges changes;
    @Inject RegistrationRepository registrationRepository;
    @Inject RegistrationDesk desk;
    @Inject OrganisationService organisations;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    Event conference;
    Organisation lyon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        lyon = organisations.create(new OrganisationForm("Ville de Lyon", OrganisationKind.COMMUNE, "FR", "216901231",
                null, "1 place de la Comédie", "69001", "Lyon"), "test");
        conference = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        desk.addCategory(conference.id(), new CategoryForm("non-adherent", "Non adhérent", "Non-member",
                PriceRule.NON_MEMBER, "120", 1), "test");
    }

    private long register(String first) {
        return registrations.register(conference.slug(), RegistrationRequest.builder().name(first, "Martin")
                .email(first.toLowerCase(Locale.ROOT) + "@example.fr").organisationId(lyon.id())
                .participantType(ParticipantType.OFFICER).consent(true).locale("fr").build(),
                Submission.desk("test", false)).id();
    }

    private Invoice issueForThree() {
        register("Awa");
        register("Bruno");
        register("Chloé");
        return invoices.issue(conference.id(), lyon.id(), new BillingForm("216 901 231 00003", "SERV-RI", "EJ-2026-118"), "desk");
    }

    @Test
    void an_issued_invoice_prints_the_same_bytes_after_the_organisation_changes() {
        Invoice invoice = issueForThree();
        byte[] first = pdf.invoice(invoice.id());
        organisations.update(lyon.id(), new OrganisationForm("Métropole de Lyon", OrganisationKind.COMMUNE, "FR",
                "216901231", null, "20 rue du Lac", "69003", "Lyon"), "desk");
        payments.record(invoice.id(), new PaymentForm("2026-04-30", "100", "TRANSFER", "VIR 1"), "desk");
        byte[] second = pdf.invoice(invoice.id());
        assertArrayEquals(first, second, "same invoice, same bytes");
        String text = text(second);
        assertTrue(text.contains("Ville de Lyon") && text.contains("1 place de la Comédie"), text);
        assertFalse(text.contains("Métropole") || text.contains("20 rue du Lac"), "the customer block is frozen: " + text);
        assertFalse(text.contains("VIR 1"), "payments are a separate statement: " + text);
        assertTrue(text.contains("Non adhérent") && !text.contains("non-adherent"),
                "each line names its price category as the event does, not by its code: " + text);
    }

    @Test
    void the_invoice_holds_the_legal_mentions_and_a_valid_factur_x() throws IOException {
        Invoice invoice = issueForThree();
        assertEquals(java.time.LocalDate.of(2026, 5, 31), invoice.dueOn());
        byte[] bytes = pdf.invoice(invoice.id());
        String text = text(bytes);
        for (String mention : List.of("Cités Unies France", "9 rue Christiani, 75018 Paris", "SIRET 77550090200009",
                "RNA W751234567", "Facture n° CUF-2026-0001", "Date : 01/05/2026", "Date d'échéance : 31/05/2026",
                "SIREN 216901231", "SIRET 21690123100003", "Code service Chorus Pro : SERV-RI",
                "Bon de commande / n° d'engagement : EJ-2026-118", "Awa Martin", "360,00 €Total",
                "TVA non applicable, art. 293 B du CGI", "IBAN FR76 3000 6000 0112 3456 7890 189", "BIC AGRIFRPPXXX",
                "indemnité forfaitaire pour frais de recouvrement de 40 €", "Pas d'escompte")) {
            assertTrue(text.contains(mention), mention + " in: " + text);
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(List.of("factur-x.xml"), List.copyOf(document.getDocumentCatalog().getNames()
                    .getEmbeddedFiles().getNames().keySet()));
        }
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(bytes, "CUF-2026-0001.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("SERV-RI") || report.contains("summary status=\"valid\""), report);
    }

    @Test
    void cancelling_an_invoiced_registration_issues_a_credit_note_and_lowers_what_is_owed() {
        Invoice invoice = issueForThree();
        long awa = invoices.lines(invoice.id()).get(0).registrationId();
        changes.cancel(awa, "desk", false);
        List<CreditNote> notes = creditNotes.ofInvoice(invoice.id());
        assertEquals(1, notes.size());
        assertEquals("AV-2026-0001", notes.get(0).creditNoteNumber());
        assertEquals(12000, notes.get(0).totalCents());
        Invoice after = invoices.get(invoice.id());
        assertEquals(24000, after.dueCents());
        assertEquals(36000, after.totalCents(), "the invoice itself never changes");
        changes.cancel(awa, "desk", false);
        assertEquals(1, creditNotes.ofInvoice(invoice.id()).size(), "cancelling twice credits once");

        Invoice paid = payments.record(invoice.id(), new PaymentForm("2026-05-01", "240", "TRANSFER", "VIR 9"), "desk");
        assertEquals(InvoiceStatus.PAID, paid.status());
        invoices.lines(invoice.id()).stream().skip(1).forEach(l -> assertEquals(RegistrationStatus.CONFIRMED,
                registrationRepository.findById(l.registrationId()).orElseThrow().status()));
        assertTrue(text(pdf.creditNote(notes.get(0).id())).contains("Se rapporte à la facture CUF-2026-0001 du 01/05/2026"));
    }

    @Test
    void staff_cancel_a_whole_invoice_and_invoice_its_registrations_again() {
        Invoice invoice = issueForThree();
        payments.record(invoice.id(), new PaymentForm("2026-05-01", "50", "CHEQUE", null), "desk");
        CreditNote note = creditNotes.cancelInvoice(invoice.id(), "Mauvais établissement payeur", "desk");
        assertEquals(36000, note.totalCents());
        Invoice cancelled = invoices.get(invoice.id());
        assertEquals(InvoiceStatus.CANCELLED, cancelled.status());
        assertEquals(5000, cancelled.overpaidCents());
        assertEquals("invoice_already_credited", assertThrows(DomainException.class,
                () -> creditNotes.cancelInvoice(invoice.id(), "encore", "desk")).code());
        Invoice again = invoices.issue(conference.id(), lyon.id(), new BillingForm("21690123100003", "SERV-2", null), "desk");
        assertEquals("CUF-2026-0002", again.invoiceNumber());
        assertEquals(36000, again.totalCents());
        assertEquals("SERV-2", again.chorusServiceCode());
    }

    @Test
    void a_payment_dated_in_the_future_is_refused_and_a_wrong_one_is_cancelled_not_deleted() {
        Invoice invoice = issueForThree();
        DomainException future = assertThrows(DomainException.class, () -> payments.record(invoice.id(),
                new PaymentForm("2026-05-02", "100", "TRANSFER", null), "desk"));
        assertEquals("payment_in_future", future.code());
        assertEquals("paidOn", future.problems().get(0).field());
        Invoice paid = payments.record(invoice.id(), new PaymentForm("2026-05-01", "360", "TRANSFER", "VIR faux"), "desk");
        assertEquals(InvoiceStatus.PAID, paid.status());
        long paymentId = payments.ofInvoice(invoice.id()).get(0).id();
        assertEquals("required", assertThrows(DomainException.class,
                () -> payments.cancel(invoice.id(), paymentId, " ", "desk")).code());
        Invoice reopened = payments.cancel(invoice.id(), paymentId, "Virement d'une autre collectivité", "desk");
        assertEquals(InvoiceStatus.ISSUED, reopened.status());
        assertEquals(36000, reopened.dueCents());
        Payment kept = payments.ofInvoice(invoice.id()).get(0);
        assertTrue(kept.cancelled());
        assertEquals("desk", kept.cancelledBy());
        assertEquals("payment_already_cancelled", assertThrows(DomainException.class,
                () -> payments.cancel(invoice.id(), paymentId, "encore", "desk")).code());
    }

    @Test
    void a_siret_of_another_organisation_is_refused_before_issue() {
        register("Awa");
        DomainException refused = assertThrows(DomainException.class, () -> invoices.issue(conference.id(), lyon.id(),
                new BillingForm("77550090200009", null, null), "desk"));
        assertEquals("siret_not_of_siren", refused.code());
        assertEquals("invalid_siret", assertThrows(DomainException.class, () -> invoices.issue(conference.id(), lyon.id(),
                new BillingForm("21690123100004", null, null), "desk")).code());
        assertTrue(invoices.ofEvent(conference.id()).isEmpty());
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
