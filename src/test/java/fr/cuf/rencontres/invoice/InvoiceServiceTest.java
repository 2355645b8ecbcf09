package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.csvio.CsvReader;
import fr.cuf.rencontres.csvio.CsvTable;
import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.registration.CategoryForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceRule;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class InvoiceServiceTest {

    @Inject InvoiceService invoices;
    @Inject InvoiceExports exports;
    @Inject InvoicePayments payments;
    @Inject RegistrationService registrations;
    @Inject RegistrationRepository registrationRepository;
    @Inject RegistrationDesk desk;
    @Inject OrganisationService organisations;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    Event conference;
    Organisation dijon;
    Organisation lyon;
    Organisation lille;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.dijon();
        lyon = organisations.create(new OrganisationForm("Ville de Lyon", OrganisationKind.COMMUNE, "FR", "216901231",
                null, null, "69001", "Lyon"), "test");
        lille = organisations.create(new OrganisationForm("=Ville de Lille", OrganisationKind.COMMUNE, "FR", "215903501",
                null, null, "59000", "Lille"), "test");
        conference = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        desk.addCategory(conference.id(), new CategoryForm("adherent", "Adhérent", "Member", PriceRule.MEMBER, "60", 1), "test");
        desk.addCategory(conference.id(), new CategoryForm("non-adherent", "Non adhérent", "Non-member",
                PriceRule.NON_MEMBER, "120,50", 2), "test");
    }

    private long register(String first, Organisation organisation) {
        return registrations.register(conference.slug(), RegistrationRequest.builder().name(first, "Martin")
                .email(first.toLowerCase(Locale.ROOT) + "@example.fr").organisationId(organisation.id())
                .participantType(ParticipantType.OFFICER).consent(true).locale("fr").build(),
                Submission.desk("test", false)).id();
    }

    @Test
    void invoices_are_numbered_per_year_without_gaps_and_take_each_registration_once() {
        long a = register("Awa", lyon);
        long b = register("Bruno", lyon);
        register("Chloé", dijon);
        Invoice first = invoices.issue(conference.id(), lyon.id(), "desk");
        assertEquals("CUF-2026-0001", first.invoiceNumber());
        assertEquals(24100, first.totalCents());
        assertEquals(List.of(a, b), invoices.lines(first.id()).stream().map(InvoiceLine::registrationId).toList());
        DomainException nothing = assertThrows(DomainException.class, () -> invoices.issue(conference.id(), lyon.id(), "desk"));
        assertEquals("nothing_to_invoice", nothing.code());
        Invoice second = invoices.issue(conference.id(), dijon.id(), "desk");
        assertEquals("CUF-2026-0002", second.invoiceNumber(), "the refused issue used no number");
        assertEquals(6000, second.totalCents());
    }

    @Test
    void two_concurrent_issues_get_distinct_consecutive_numbers() throws Exception {
        register("Awa", lyon);
        register("Chloé", dijon);
        register("Léa", lille);
        List<Organisation> payers = List.of(lyon, dijon, lille);
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Invoice>> issued = new ArrayList<>();
            for (Organisation payer : payers) {
                Callable<Invoice> issue = () -> {
                    start.await();
                    return invoices.issue(conference.id(), payer.id(), "desk-" + payer.id());
                };
                issued.add(pool.submit(issue));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<Invoice> f : issued) {
                numbers.add(f.get().invoiceNumber());
            }
            numbers.sort(String::compareTo);
            assertEquals(List.of("CUF-2026-0001", "CUF-2026-0002", "CUF-2026-0003"), numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_partial_then_a_full_payment_confirms_the_registrations() {
        long a = register("Awa", lyon);
        long b = register("Bruno", lyon);
        Invoice invoice = invoices.issue(conference.id(), lyon.id(), "desk");
        Invoice partial = payments.record(invoice.id(), new PaymentForm("2026-05-01", "100", "TRANSFER", "VIR 123"), "desk");
        assertEquals(InvoiceStatus.ISSUED, partial.status());
        assertEquals(14100, partial.dueCents());
        assertEquals(RegistrationStatus.PENDING_PAYMENT, registrationRepository.findById(a).orElseThrow().status());
        DomainException over = assertThrows(DomainException.class, () -> payments.record(invoice.id(),
                new PaymentForm("2026-04-30", "200", "ADMINISTRATIVE_MANDATE", null), "desk"));
        assertEquals("overpayment", over.code());
        DomainException bad = assertThrows(DomainException.class, () -> payments.record(invoice.id(),
                new PaymentForm("20/05/2026", "-3", "BITCOIN", null), "desk"));
        assertEquals(List.of("invalid_date", "invalid_amount", "invalid_payment_method"),
                bad.problems().stream().map(fr.cuf.rencontres.support.Problem::code).toList());

        Invoice paid = payments.record(invoice.id(),
                new PaymentForm("2026-04-30", "141,00", "ADMINISTRATIVE_MANDATE", "Mandat 2026-0042"), "desk");
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(0, paid.dueCents());
        assertEquals(RegistrationStatus.CONFIRMED, registrationRepository.findById(a).orElseThrow().status());
        assertEquals(RegistrationStatus.CONFIRMED, registrationRepository.findById(b).orElseThrow().status());
        assertEquals(2, payments.ofInvoice(invoice.id()).size());
        assertEquals("invoice_already_paid", assertThrows(DomainException.class, () -> payments.record(
                invoice.id(), new PaymentForm("2026-04-30", "1", "CASH", null), "desk")).code());
    }

    @Test
    void invoice_and_payment_exports_read_back_through_the_csv_reader() {
        register("Awa", lyon);
        register("Léa", lille);
        Invoice lyonInvoice = invoices.issue(conference.id(), lyon.id(), "desk");
        invoices.issue(conference.id(), lille.id(), "desk");
        payments.record(lyonInvoice.id(), new PaymentForm("2026-05-01", "20,50", "CHEQUE", "-chq 991"), "desk");

        CsvTable excel = CsvReader.read(exports.invoices(conference.slug(), CsvWriter.Dialect.EXCEL, Locale.FRENCH));
        assertEquals(';', excel.separator());
        assertEquals(List.of("Numéro", "Date", "Organisation", "SIREN", "Événement", "Inscriptions", "Total", "Payé",
                "Reste dû", "Statut"), excel.headers());
        assertEquals(List.of("CUF-2026-0001", "01/05/2026", "Ville de Lyon", "216901231", conference.title(), "1",
                "120,50", "20,50", "100,00", "Émise"), excel.rows().get(0).cells());
        assertEquals("'=Ville de Lille", excel.rows().get(1).cells().get(2), "a formula is neutralised");

        CsvTable comma = CsvReader.read(exports.payments(conference.slug(), CsvWriter.Dialect.COMMA, Locale.ENGLISH));
        assertEquals(',', comma.separator());
        assertEquals(List.of("Number", "Organisation", "Payment date", "Amount", "Payment method", "Reference",
                "Recorded by"), comma.headers());
        assertEquals(List.of(List.of("CUF-2026-0001", "Ville de Lyon", "01/05/2026", "20,50", "Cheque", "'-chq 991", "desk")),
                comma.rows().stream().map(CsvTable.Row::cells).toList(), "French dates and decimal commas, quoted");
        org.junit.jupiter.api.Assertions.assertTrue(new String(exports.payments(conference.slug(), CsvWriter.Dialect.COMMA, Locale.ENGLISH),
                java.nio.charset.StandardCharsets.UTF_8).contains("01/05/2026,\"20,50\","), "the comma dialect quotes the decimal comma");
    }
}
