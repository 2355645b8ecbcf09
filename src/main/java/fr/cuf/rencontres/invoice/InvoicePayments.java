package fr.cuf.rencontres.invoice;

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
 * Money received for invoices. When the payments cover what is owed (after credit notes) the invoice is PAID
 * and its registrations still waiting for payment are confirmed as the desk's "mark paid" does. A wrong payment
 * is cancelled, audited, and stays visible on the statement: never deleted.
 */
@Singleton
public class InvoicePayments {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final PaymentRepository payments;
    private final RegistrationRepository registrations;
    private final RegistrationDesk desk;
    private final AuditLog audit;
    private final Clock clock;

    InvoicePayments(InvoiceRepository invoices, InvoiceLineRepository lines, PaymentRepository payments,
                    RegistrationRepository registrations, RegistrationDesk desk, AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.payments = payments;
        this.registrations = registrations;
        this.desk = desk;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records money received. A date after today or an amount above what is still due is refused. */
    @Transactional
    public Invoice record(long invoiceId, PaymentForm form, String actor) {
        invoices.findById(invoiceId).orElseThrow(() -> DomainException.notFound("invoice_not_found"));
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = Times.paris(now).toLocalDate();
        Validator v = new Validator().required("paidOn", form.paidOn()).required("amountEuros", form.amountEuros())
                .required("method", form.method()).maxLength("reference", form.reference(), 200);
        LocalDate paidOn = date(form.paidOn(), v);
        if (paidOn != null && paidOn.isAfter(today)) {
            v.add(Problem.field("paidOn", "payment_in_future", today.toString()));
        }
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
        if (invoice.status() == InvoiceStatus.CANCELLED) {
            throw DomainException.conflict("invoice_cancelled", invoice.invoiceNumber());
        }
        if (cents > invoice.dueCents()) {
            throw DomainException.invalid("amountEuros", "overpayment", InvoiceService.euros(invoice.dueCents()));
        }
        String reference = form.reference() == null || form.reference().isBlank() ? null : form.reference().strip();
        Payment payment = payments.save(new Payment(null, invoiceId, paidOn, cents, method, reference, actor, now,
                null, null, null));
        Invoice updated = invoice.withMoney(invoice.creditedCents(), invoice.paidCents() + cents, now);
        invoices.update(updated);
        audit.record(actor, "invoice.payment_recorded", "invoice", invoiceId,
                payment.amountCents() + " " + method + (reference == null ? "" : " " + reference));
        if (updated.status() == InvoiceStatus.PAID) {
            for (InvoiceLine line : lines.openLines(invoiceId)) {
                Registration r = registrations.findById(line.registrationId()).orElse(null);
                if (r != null && r.status() == RegistrationStatus.PENDING_PAYMENT) {
                    desk.markPaid(r.id(), actor);
                }
            }
            audit.record(actor, "invoice.paid", "invoice", invoiceId, updated.invoiceNumber());
        }
        return updated;
    }

    /**
     * Cancels a payment recorded by mistake: it stays on the statement, struck out, with who cancelled it and
     * why; the invoice owes the amount again. Registrations confirmed by the payment stay confirmed (staff
     * decide: the desk can cancel them).
     */
    @Transactional
    public Invoice cancel(long invoiceId, long paymentId, String reason, String actor) {
        invoices.findById(invoiceId).orElseThrow(() -> DomainException.notFound("invoice_not_found"));
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        Payment payment = payments.findById(paymentId).filter(p -> p.invoiceId() == invoiceId)
                .orElseThrow(() -> DomainException.notFound("payment_not_found"));
        new Validator().required("reason", reason == null || reason.isBlank() ? null : reason)
                .maxLength("reason", reason, 400).throwIfInvalid();
        if (payment.cancelled()) {
            throw DomainException.conflict("payment_already_cancelled");
        }
        Instant now = clock.instant();
        payments.update(payment.cancel(actor, reason.strip(), now));
        Invoice updated = invoice.withMoney(invoice.creditedCents(), invoice.paidCents() - payment.amountCents(), now);
        invoices.update(updated);
        audit.record(actor, "invoice.payment_cancelled", "invoice", invoiceId,
                "payment " + paymentId + " " + payment.amountCents() + " " + payment.method() + ": " + reason.strip());
        return updated;
    }

    public List<Payment> ofInvoice(long invoiceId) {
        return payments.findByInvoice(invoiceId);
    }

    public List<Payment> ofEvent(long eventId) {
        return payments.findByEvent(eventId);
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
