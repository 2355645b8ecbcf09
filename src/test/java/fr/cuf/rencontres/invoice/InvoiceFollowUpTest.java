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
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What follows an issued invoice for the registrants: the reminder of an unpaid invoice (due today and reminded
 * after 0 days here), sent once whatever the number of instances, and the documents a registration is on.
 */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
@Property(name = "rencontres.invoice.payment-days", value = "0")
@Property(name = "rencontres.invoice.reminder-after", value = "0d")
class InvoiceFollowUpTest {

    @Inject InvoiceService invoices;
    @Inject InvoicePayments payments;
    @Inject InvoiceReminders reminders;
    @Inject RegistrantInvoices registrantInvoices;
    @Inject RegistrationService registrations;
    @Inject RegistrationChanges changes;
    @Inject RegistrationDesk desk;
    @Inject OrganisationService organisations;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    Event conference;
    Organisation lyon;
    Organisation nantes;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        lyon = organisations.create(new OrganisationForm("Ville de Lyon", OrganisationKind.COMMUNE, "FR", "216901231",
                null, "1 place de la Comédie", "69001", "Lyon"), "test");
        nantes = organisations.create(new OrganisationForm("Ville de Nantes", OrganisationKind.COMMUNE, "FR",
                "214401093", null, "2 rue de l'Hôtel de Ville", "44000", "Nantes"), "test");
        conference = fixtures.conference(fixtures.artsEtMetiers(), EventStatus.PUBLISHED);
        desk.addCategory(conference.id(), new CategoryForm("non-adherent", "Non adhérent", "Non-member",
                PriceRule.NON_MEMBER, "120", 1), "test");
    }

    private long register(String first, Organisation organisation) {
        return registrations.register(conference.slug(), RegistrationRequest.builder().name(first, "Martin")
                .email(first.toLowerCase(Locale.ROOT) + "@example.fr").organisationId(organisation.id())
                .participantType(ParticipantType.OFFICER).consent(true).locale("fr").build(),
                Submission.desk("test", false)).id();
    }

    private Invoice issue(Organisation organisation) {
        return invoices.issue(conference.id(), organisation.id(), new BillingForm(null, null, null), "desk");
    }

    @Test
    void an_unpaid_invoice_gets_one_reminder_to_its_first_registrant_and_a_paid_one_none() throws SQLException {
        long awa = register("Awa", lyon);
        register("Bruno", lyon);
        register("Nina", nantes);
        Invoice unpaid = issue(lyon);
        Invoice paid = issue(nantes);
        payments.record(paid.id(), new PaymentForm("2026-05-01", "120", "TRANSFER", "VIR 7"), "desk");

        assertEquals(1, reminders.queueDue());
        assertEquals(0, reminders.queueDue(), "once per invoice");
        assertEquals(List.of(awa + " awa@example.fr " + unpaid.invoiceNumber() + " — 240,00 € — 01/05/2026"),
                reminderMails());
    }

    @Test
    void two_instances_reminding_at_once_queue_each_reminder_once() throws Exception {
        for (String first : List.of("Awa", "Bruno", "Chloé")) {
            register(first, lyon);
        }
        register("Nina", nantes);
        issue(lyon);
        issue(nantes);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<Integer>) reminders::queueDue));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertEquals(2, total);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, reminderMails().size());
    }

    @Test
    void a_registration_shows_its_invoice_then_the_credit_note_that_cancelled_it() {
        long awa = register("Awa", lyon);
        register("Bruno", lyon);
        Invoice invoice = issue(lyon);
        assertEquals(Optional.of(invoice.invoiceNumber()), registrantInvoices.currentInvoiceNumber(awa));
        assertEquals(List.of(invoice.invoiceNumber()), numbers(awa));

        changes.cancel(awa, "personal-link", false);

        assertEquals(Optional.empty(), registrantInvoices.currentInvoiceNumber(awa));
        List<RegistrantInvoices.Document> documents = registrantInvoices.of(awa);
        assertEquals(2, documents.size(), documents.toString());
        assertEquals(invoice.invoiceNumber(), documents.get(0).number());
        assertEquals(true, documents.get(1).creditNote());
        assertEquals(Optional.empty(), registrantInvoices.find(awa, "CUF-2026-9999", false));
    }

    private List<String> numbers(long registrationId) {
        return registrantInvoices.of(registrationId).stream().map(RegistrantInvoices.Document::number).toList();
    }

    private List<String> reminderMails() throws SQLException {
        List<String> mails = new ArrayList<>();
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT registration_id, recipient, note FROM mail_outbox "
                     + "WHERE kind = 'INVOICE_REMINDER' ORDER BY id")) {
            while (rs.next()) {
                mails.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return mails;
    }
}
