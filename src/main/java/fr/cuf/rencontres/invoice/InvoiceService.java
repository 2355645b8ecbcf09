package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Siren;
import fr.cuf.rencontres.member.Siret;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invoices for the registrations an organisation pays for (French local authorities pay on invoice, by
 * transfer or "mandat administratif"). Issuing takes the year's number from a locked sequence row, in the
 * transaction that writes the invoice: numbers are consecutive, without gaps. The invoice copies at issue
 * the customer block, the billing details and the issuer's legal block: what it prints never changes.
 */
@Singleton
public class InvoiceService {

    static final String PREFIX = "CUF";

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final BillingDetailsRepository billing;
    private final EventRepository events;
    private final OrganisationRepository organisations;
    private final Issuers issuers;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, InvoiceLineRepository lines, BillingDetailsRepository billing,
                   EventRepository events, OrganisationRepository organisations, Issuers issuers, ObjectMapper json,
                   AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.billing = billing;
        this.events = events;
        this.organisations = organisations;
        this.issuers = issuers;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Invoices with the billing details stored for the organisation (see {@link #issue(long, long, BillingForm, String)}). */
    public Invoice issue(long eventId, long organisationId, String actor) {
        return issue(eventId, organisationId, billingForm(organisationId), actor);
    }

    /**
     * Invoices the organisation's registrations of the event that wait for payment and are on no open invoice
     * line. The billing details typed are checked, remembered for the organisation and copied into the invoice.
     */
    @Transactional
    public Invoice issue(long eventId, long organisationId, BillingForm form, String actor) {
        Event event = events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Organisation to = organisations.findById(organisationId)
                .orElseThrow(() -> DomainException.invalid("organisationId", "organisation_not_found"));
        BillingForm clean = saveBilling(organisationId, form, actor);
        Issuer issuer = issuers.current();
        List<String> missing = issuer.missingForIssue();
        if (!missing.isEmpty()) {
            throw DomainException.conflict("invoice_issuer_incomplete", String.join(", ", missing));
        }
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
        int net = due.stream().mapToInt(Uninvoiced::priceCents).sum();
        int vat = issuer.vatOn(net);
        invoices.setSequence(year, number);
        Invoice invoice = invoices.save(new Invoice(null, number(year, number), event.id(), organisationId, today,
                today.plusDays(issuer.paymentDays()), net, vat, issuer.vatRateBasisPoints(), net + vat, 0, 0,
                InvoiceStatus.ISSUED, to.name(), trim(to.addressLine()), trim(to.postalCode()), trim(to.city()), to.country(), to.siren(), clean.siret(),
                clean.chorusServiceCode(), clean.purchaseOrder(), event.title(), toJson(issuer), actor, now, now));
        lines.saveAll(due.stream().map(r -> new InvoiceLine(null, invoice.id(), r.id(),
                event.title() + " — " + r.firstName() + " " + r.lastName(), r.priceCategory(), r.priceCents())).toList());
        audit.record(actor, "invoice.issued", "invoice", invoice.id(),
                invoice.invoiceNumber() + " organisation " + organisationId + " " + invoice.totalCents() + " (" + due.size() + " registrations)");
        return invoice;
    }

    /** The billing details stored for the organisation (empty when none yet). */
    public BillingForm billingForm(long organisationId) {
        return BillingForm.of(billing.findById(organisationId).orElse(null));
    }

    private BillingForm saveBilling(long organisationId, BillingForm form, String actor) {
        String siret = trim(form.siret()) == null ? null : Siret.normalise(trim(form.siret()));
        BillingForm clean = new BillingForm(siret, trim(form.chorusServiceCode()), trim(form.purchaseOrder()));
        new Validator()
                .check("siret", clean.siret(), s -> s == null || Siret.isValid(s), "invalid_siret")
                .maxLength("chorusServiceCode", clean.chorusServiceCode(), 100)
                .maxLength("purchaseOrder", clean.purchaseOrder(), 100)
                .throwIfInvalid();
        Organisation o = organisations.findById(organisationId).orElseThrow();
        if (clean.siret() != null && o.siren() != null && Siren.isValid(o.siren()) && !clean.siret().startsWith(o.siren())) {
            throw DomainException.invalid("siret", "siret_not_of_siren", o.siren());
        }
        if (!clean.equals(billingForm(organisationId))) {
            BillingDetails details = new BillingDetails(organisationId, clean.siret(), clean.chorusServiceCode(),
                    clean.purchaseOrder(), actor, clock.instant());
            if (billing.existsById(organisationId)) {
                billing.update(details);
            } else {
                billing.save(details);
            }
            audit.record(actor, "organisation.billing_changed", "organisation", organisationId,
                    "siret " + clean.siret() + " service " + clean.chorusServiceCode() + " po " + clean.purchaseOrder());
        }
        return clean;
    }

    /** The issuer stored with the invoice; invoices issued before issuers were stored take the current one. */
    public Issuer issuerOf(Invoice invoice) {
        if (invoice.issuerJson() == null) {
            return issuers.current();
        }
        try {
            return json.readValue(invoice.issuerJson(), Issuer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Issuer issuer) {
        try {
            return json.writeValueAsString(issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(int year, int number) {
        return String.format(Locale.ROOT, "%s-%d-%04d", PREFIX, year, number);
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

    /** Organisations with registrations of the event waiting for payment and on no invoice yet. */
    public List<ToInvoice> toInvoice(long eventId) {
        return lines.toInvoice(eventId);
    }

    /** The registrations that an invoice for the organisation would take now. */
    public List<Uninvoiced> uninvoiced(long eventId, long organisationId) {
        return lines.uninvoiced(eventId, organisationId);
    }

    /** "120,00 €": CUF invoices are in euros. */
    public static String euros(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return String.format(Locale.ROOT, "%s%d,%02d €", sign, abs / 100, abs % 100);
    }

    private static String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
