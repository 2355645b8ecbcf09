package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.invoice.BillingForm;
import fr.cuf.rencontres.invoice.CreditNote;
import fr.cuf.rencontres.invoice.CreditNotes;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.invoice.InvoiceLine;
import fr.cuf.rencontres.invoice.InvoicePayments;
import fr.cuf.rencontres.invoice.InvoiceService;
import fr.cuf.rencontres.invoice.Payment;
import fr.cuf.rencontres.invoice.PaymentForm;
import fr.cuf.rencontres.invoice.PaymentMethod;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.web.Refusals;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The view models of the invoice pages: amounts as euros, dates as JJ/MM/AAAA, labels instead of codes. */
@Singleton
class InvoiceViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final InvoiceService invoices;
    private final InvoicePayments payments;
    private final CreditNotes creditNotes;
    private final OrganisationRepository organisations;
    private final Messages messages;
    private final Refusals refusals;
    private final Clock clock;
    private final fr.cuf.rencontres.registration.RegistrationViews categories;

    InvoiceViews(InvoiceService invoices, InvoicePayments payments, CreditNotes creditNotes,
                 OrganisationRepository organisations, Messages messages, Refusals refusals, Clock clock,
                 fr.cuf.rencontres.registration.RegistrationViews categories) {
        this.categories = categories;
        this.invoices = invoices;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.organisations = organisations;
        this.messages = messages;
        this.refusals = refusals;
        this.clock = clock;
    }

    private Map<String, String> categoryLabels(Event event, Locale locale) {
        return categories.categoryLabels(event.id(), locale);
    }

    private static String label(Map<String, String> labels, @Nullable String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    Map<String, Object> list(Event event, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("invoices", invoices.ofEvent(event.id()).stream().map(i -> summary(i, locale)).toList());
        model.put("toInvoice", invoices.toInvoice(event.id()).stream().map(t -> Map.of("id", t.organisationId(),
                "name", t.name(), "registrations", t.registrations(), "total", InvoiceService.euros(t.totalCents()))).toList());
        model.put("creditNotes", creditNotes.ofEvent(event.id()).stream().map(c -> Map.of("id", c.id(),
                "number", c.creditNoteNumber(), "issuedOn", DAY.format(c.issuedOn()),
                "total", InvoiceService.euros(c.totalCents()), "invoiceId", c.invoiceId())).toList());
        return model;
    }

    Map<String, Object> prepare(Event event, Organisation organisation, BillingForm billing,
                                @Nullable DomainException refusal, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("organisation", organisation);
        model.put("form", billing);
        Map<String, String> labels = categoryLabels(event, locale);
        model.put("registrations", invoices.uninvoiced(event.id(), organisation.id()).stream().map(u -> Map.of(
                "name", u.firstName() + " " + u.lastName(), "category", label(labels, u.priceCategory()),
                "amount", InvoiceService.euros(u.priceCents()))).toList());
        model.put("total", InvoiceService.euros(invoices.uninvoiced(event.id(), organisation.id()).stream()
                .mapToInt(u -> u.priceCents()).sum()));
        errors(model, refusal, locale);
        return model;
    }

    Map<String, Object> statement(Event event, Invoice invoice, @Nullable PaymentForm typed,
                                  @Nullable DomainException refusal, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("invoice", summary(invoice, locale));
        model.put("customer", invoice);
        Set<Long> credited = new HashSet<>();
        List<CreditNote> notes = creditNotes.ofInvoice(invoice.id());
        notes.forEach(n -> creditNotes.lines(n.id()).forEach(l -> credited.add(l.invoiceLineId())));
        Map<String, String> labels = categoryLabels(event, locale);
        model.put("lines", invoices.lines(invoice.id()).stream().map((InvoiceLine l) -> Map.of(
                "description", l.description(), "category", label(labels, l.priceCategory()),
                "amount", InvoiceService.euros(l.amountCents()), "credited", credited.contains(l.id()))).toList());
        model.put("creditNotes", notes.stream().map(c -> Map.of("id", c.id(), "number", c.creditNoteNumber(),
                "issuedOn", DAY.format(c.issuedOn()), "total", InvoiceService.euros(c.totalCents()),
                "reason", c.reason())).toList());
        model.put("payments", payments.ofInvoice(invoice.id()).stream().map((Payment p) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id());
            row.put("paidOn", DAY.format(p.paidOn()));
            row.put("amount", InvoiceService.euros(p.amountCents()));
            row.put("method", messages.get(locale, "invoice.method." + p.method()));
            row.put("reference", p.reference() == null ? "" : p.reference());
            row.put("recordedBy", p.recordedBy());
            row.put("cancelled", p.cancelled());
            row.put("cancelledBy", p.cancelledBy());
            row.put("cancelReason", p.cancelReason());
            return row;
        }).toList());
        model.put("methods", Arrays.stream(PaymentMethod.values()).map(m -> Map.of("value", m.name(),
                "label", messages.get(locale, "invoice.method." + m),
                "selected", typed != null && m.name().equals(typed.method()))).toList());
        String today = Times.paris(clock.instant()).toLocalDate().toString();
        model.put("today", today);
        model.put("payment", typed == null ? new PaymentForm(today, null, null, null) : typed);
        model.put("open", invoice.dueCents() > 0);
        model.put("cancellable", invoice.creditedCents() < invoice.totalCents());
        errors(model, refusal, locale);
        return model;
    }

    private Map<String, Object> summary(Invoice i, Locale locale) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", i.id());
        row.put("number", i.invoiceNumber());
        row.put("issuedOn", DAY.format(i.issuedOn()));
        row.put("dueOn", DAY.format(i.dueOn()));
        row.put("organisation", i.customerName());
        row.put("organisationId", i.organisationId());
        row.put("total", InvoiceService.euros(i.totalCents()));
        row.put("credited", InvoiceService.euros(i.creditedCents()));
        row.put("paid", InvoiceService.euros(i.paidCents()));
        row.put("due", InvoiceService.euros(i.dueCents()));
        row.put("overpaid", i.overpaidCents() > 0 ? InvoiceService.euros(i.overpaidCents()) : null);
        row.put("status", messages.get(locale, "invoice.status." + i.status()));
        return row;
    }

    private void errors(Map<String, Object> model, @Nullable DomainException refusal, Locale locale) {
        if (refusal == null) {
            return;
        }
        model.putAll(refusals.model(locale, refusal.problems()));
    }
}
