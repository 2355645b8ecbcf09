package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationDesk;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Invoices for the registrations an organisation pays for (French local authorities pay on invoice, by
 * transfer or "mandat administratif"). Issuing takes the year's number from a locked sequence row, in the
 * transaction that writes the invoice: numbers are consecutive, without gaps. When the payments cover the
 * total, the invoice is PAID and its registrations are confirmed as the desk's "mark paid" does.
 */
@Singleton
public class InvoiceService {

    static final String PREFIX = "CUF";

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final PaymentRepository payments;
    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final RegistrationDesk desk;
    private final AuditLog audit;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, InvoiceLineRepository lines, PaymentRepository payments,
                   EventRepository events, RegistrationRepository registrations, RegistrationDesk desk, AuditLog audit,
                   Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.payments = payments;
        this.events = events;
        this.registrations = registrations;
        this.desk = desk;
        this.audit = audit;
        this.clock = clock;
    }

    /** Invoices the organisation's registrations of the event that wait for payment and are on no invoice yet. */
    @Transactional
    public Invoice issue(long eventId, long organisationId, String actor) {
        Event event = events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Instant now = clock.instant();
        LocalDate today = Times.paris(now).toLocalDate();
        int year = today.getYear();
        invoices.createSequence(year);
        // every issue waits here for the one before it: the number and the registrations it takes are settled in turn
        int number = invoices.lockSequence(year) + 1;
        List<Uninvoiced> due = lines.uninvoiced(event.id(), organisationId);
        if (due.isEmpty()) {
            throw DomainException.conflict("organisationId", "nothing_to_invoice");
        }
        int total = due.stream().mapToInt(Uninvoiced::priceCents).sum();
        invoices.setSequence(year, number);
        Invoice invoice = invoices.save(new Invoice(null, number(year, number), event.id(), organisationId, today, total,
                0, InvoiceStatus.ISSUED, actor, now, now));
        lines.saveAll(due.stream().map(r -> new InvoiceLine(null, invoice.id(), r.id(),
                event.title() + " — " + r.firstName() + " " + r.lastName(), r.priceCategory(), r.priceCents())).toList());
        audit.record(actor, "invoice.issued", "invoice", invoice.id(),
                invoice.invoiceNumber() + " organisation " + organisationId + " " + total + " (" + due.size() + " registrations)");
        return invoice;
    }

    static String number(int year, int number) {
        return String.format(Locale.ROOT, "%s-%d-%04d", PREFIX, year, number);
    }

    /**
     * Records money received. An amount above what is still due is refused. When the invoice is fully paid
     * its registrations still waiting for payment are confirmed ({@link RegistrationDesk#markPaid}).
     */
    @Transactional
    public Invoice recordPayment(long invoiceId, PaymentForm form, String actor) {
        invoices.findById(invoiceId).orElseThrow(() -> DomainException.notFound("invoice_not_found"));
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        Validator v = new Validator().required("paidOn", form.paidOn()).required("amountEuros", form.amountEuros())
                .required("method", form.method()).maxLength("reference", form.reference(), 200);
        LocalDate paidOn = date(form.paidOn(), v);
        Integer cents = cents(form.amountEuros());
        if (form.amountEuros() != null && !form.amountEuros().isBlank() && (cents == null || cents == 0)) {
            v.add(Problem.field("amountEuros", "invalid_amount"));
        }
        PaymentMethod method = method(form.method(), v);
        v.throwIfInvalid();
        if (invoice.status() == InvoiceStatus.PAID) {
            throw new DomainException(DomainException.Kind.CONFLICT,
                    List.of(new Problem("invoice_already_paid", null, List.of(invoice.invoiceNumber()))));
        }
        if (cents > invoice.dueCents()) {
            throw DomainException.invalid("amountEuros", "overpayment", euros(invoice.dueCents()));
        }
        Instant now = clock.instant();
        String reference = form.reference() == null || form.reference().isBlank() ? null : form.reference().strip();
        Payment payment = payments.save(new Payment(null, invoiceId, paidOn, cents, method, reference, actor, now));
        Invoice updated = invoice.paid(cents, now);
        invoices.update(updated);
        audit.record(actor, "invoice.payment_recorded", "invoice", invoiceId,
                payment.amountCents() + " " + method + (reference == null ? "" : " " + reference));
        if (updated.status() == InvoiceStatus.PAID) {
            for (InvoiceLine line : lines.findByInvoiceIdOrderById(invoiceId)) {
                Registration r = registrations.findById(line.registrationId()).orElse(null);
                if (r != null && r.status() == RegistrationStatus.PENDING_PAYMENT) {
                    desk.markPaid(r.id(), actor);
                }
            }
            audit.record(actor, "invoice.paid", "invoice", invoiceId, updated.invoiceNumber());
        }
        return updated;
    }

    public Invoice get(long id) {
        return invoices.findById(id).orElseThrow(() -> DomainException.notFound("invoice_not_found"));
    }

    public List<Invoice> ofEvent(long eventId) {
        return invoices.findByEventIdOrderByInvoiceNumber(eventId);
    }

    public List<InvoiceLine> lines(long invoiceId) {
        return lines.findByInvoiceIdOrderById(invoiceId);
    }

    public List<Payment> payments(long invoiceId) {
        return payments.findByInvoice(invoiceId);
    }

    public List<Payment> paymentsOfEvent(long eventId) {
        return payments.findByEvent(eventId);
    }

    /** Organisations with registrations of the event waiting for payment and on no invoice yet. */
    public List<ToInvoice> toInvoice(long eventId) {
        return lines.toInvoice(eventId);
    }

    /** "120,00 €": CUF invoices are in euros. */
    public static String euros(long cents) {
        return String.format(Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
    }

    private static LocalDate date(String value, Validator v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(Problem.field("paidOn", "invalid_date"));
            return null;
        }
    }

    private static PaymentMethod method(String value, Validator v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PaymentMethod.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(Problem.field("method", "invalid_payment_method"));
            return null;
        }
    }

    static Integer cents(String euros) {
        if (euros == null || euros.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(euros.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.')
                    .replace("€", "").strip());
            if (value.signum() < 0 || value.scale() > 2) {
                return null;
            }
            return value.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
