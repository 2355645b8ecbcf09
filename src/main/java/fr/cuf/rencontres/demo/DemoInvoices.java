package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.invoice.InvoicePayments;
import fr.cuf.rencontres.invoice.InvoiceService;
import fr.cuf.rencontres.invoice.PaymentForm;
import fr.cuf.rencontres.invoice.ToInvoice;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The demo editions' invoices and their payments, each made as of its moment ({@link ReplayClock}). */
@Singleton
class DemoInvoices {

    private static final String ACTOR = "demo";

    private final InvoiceService invoices;
    private final InvoicePayments payments;
    private final ReplayClock clock;

    DemoInvoices(InvoiceService invoices, InvoicePayments payments, ReplayClock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
    }

    /** Invoices up to {@code count} organisations with registrations waiting for payment, the largest first. */
    List<Invoice> issue(Event event, int count, Instant at) {
        List<ToInvoice> due = new ArrayList<>(clock.at(at, () -> invoices.toInvoice(event.id())));
        due.sort(Comparator.comparingLong(ToInvoice::totalCents).reversed().thenComparing(ToInvoice::organisationId));
        List<Invoice> issued = new ArrayList<>();
        for (int i = 0; i < Math.min(count, due.size()); i++) {
            long organisation = due.get(i).organisationId();
            issued.add(clock.at(at.plus(Duration.ofMinutes(3L * i)), () -> invoices.issue(event.id(), organisation, ACTOR)));
        }
        return issued;
    }

    /** The first registration the invoice bills. */
    Long firstRegistration(Invoice invoice) {
        return invoices.lines(invoice.id()).get(0).registrationId();
    }

    void pay(Invoice invoice, Instant at) {
        String paidOn = Times.paris(at).toLocalDate().toString();
        clock.run(at, () -> payments.record(invoice.id(), new PaymentForm(paidOn,
                InvoiceService.euros(invoice.totalCents()), "TRANSFER", "VIR " + invoice.invoiceNumber()), ACTOR));
    }
}
