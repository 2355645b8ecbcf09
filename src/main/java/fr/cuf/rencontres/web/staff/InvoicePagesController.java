package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.invoice.BillingForm;
import fr.cuf.rencontres.invoice.CreditNote;
import fr.cuf.rencontres.invoice.CreditNotes;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.invoice.InvoiceExports;
import fr.cuf.rencontres.invoice.InvoicePayments;
import fr.cuf.rencontres.invoice.InvoicePdf;
import fr.cuf.rencontres.invoice.InvoiceService;
import fr.cuf.rencontres.invoice.PaymentForm;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;

/**
 * Staff invoices of an event: the list, preparing and issuing an invoice for an organisation (billing details
 * editable until issue), an invoice's statement (lines, credit notes, payments, what is owed), recording and
 * cancelling payments, cancelling an invoice by a credit note, the PDFs and the CSV for the accountants.
 */
@Controller("/staff/invoices")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class InvoicePagesController {

    private final InvoiceService invoices;
    private final InvoicePayments payments;
    private final CreditNotes creditNotes;
    private final InvoiceExports exports;
    private final InvoicePdf pdf;
    private final EventService events;
    private final OrganisationRepository organisations;
    private final InvoiceViews views;
    private final HttpLocaleResolver locales;

    InvoicePagesController(InvoiceService invoices, InvoicePayments payments, CreditNotes creditNotes,
                           InvoiceExports exports, InvoicePdf pdf, EventService events,
                           OrganisationRepository organisations, InvoiceViews views, HttpLocaleResolver locales) {
        this.invoices = invoices;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.exports = exports;
        this.pdf = pdf;
        this.events = events;
        this.organisations = organisations;
        this.views = views;
        this.locales = locales;
    }

    @Get("/{eventId}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@PathVariable long eventId, HttpRequest<?> request) {
        return new ModelAndView<>("staff/invoices", views.list(events.get(eventId), locale(request)));
    }

    @Get("/{eventId}/prepare/{organisationId}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> prepare(@PathVariable long eventId, @PathVariable long organisationId,
                                              HttpRequest<?> request) {
        return new ModelAndView<>("staff/invoice-prepare", views.prepare(events.get(eventId), organisation(organisationId),
                invoices.billingForm(organisationId), null, locale(request)));
    }

    @Post(value = "/{eventId}/issue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> issue(@PathVariable long eventId, @Body Map<String, Object> form, Principal staff,
                          HttpRequest<?> request) {
        Event event = events.get(eventId);
        String id = value(form, "organisationId");
        if (id == null || !id.matches("\\d{1,18}")) {
            throw DomainException.notFound("organisation_not_found");
        }
        Organisation organisation = organisation(Long.parseLong(id));
        BillingForm billing = new BillingForm(value(form, "siret"), value(form, "chorusServiceCode"),
                value(form, "purchaseOrder"));
        try {
            Invoice invoice = invoices.issue(eventId, organisation.id(), billing, staff.getName());
            return HttpResponse.seeOther(URI.create("/staff/invoices/" + eventId + "/invoice/" + invoice.id()));
        } catch (DomainException refusal) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("staff/invoice-prepare",
                    views.prepare(event, organisation, billing, refusal, locale(request))));
        }
    }

    @Get("/{eventId}/invoice/{invoiceId}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> invoice(@PathVariable long eventId, @PathVariable long invoiceId,
                                              HttpRequest<?> request) {
        return new ModelAndView<>("staff/invoice", views.statement(events.get(eventId), invoiceOf(eventId, invoiceId),
                null, null, locale(request)));
    }

    @Post(value = "/{eventId}/invoice/{invoiceId}/payments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> pay(@PathVariable long eventId, @PathVariable long invoiceId, @Body Map<String, Object> form,
                        Principal staff, HttpRequest<?> request) {
        Invoice invoice = invoiceOf(eventId, invoiceId);
        PaymentForm typed = new PaymentForm(value(form, "paidOn"), value(form, "amountEuros"), value(form, "method"),
                value(form, "reference"));
        return act(eventId, invoice, typed, request, () -> payments.record(invoiceId, typed, staff.getName()));
    }

    @Post(value = "/{eventId}/invoice/{invoiceId}/payments/{paymentId}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> cancelPayment(@PathVariable long eventId, @PathVariable long invoiceId, @PathVariable long paymentId,
                                  @Body Map<String, Object> form, Principal staff, HttpRequest<?> request) {
        Invoice invoice = invoiceOf(eventId, invoiceId);
        return act(eventId, invoice, null, request,
                () -> payments.cancel(invoiceId, paymentId, value(form, "reason"), staff.getName()));
    }

    @Post(value = "/{eventId}/invoice/{invoiceId}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> cancelInvoice(@PathVariable long eventId, @PathVariable long invoiceId,
                                  @Body Map<String, Object> form, Principal staff, HttpRequest<?> request) {
        Invoice invoice = invoiceOf(eventId, invoiceId);
        return act(eventId, invoice, null, request,
                () -> creditNotes.cancelInvoice(invoiceId, value(form, "reason"), staff.getName()));
    }

    @Get("/{eventId}/{invoiceId}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> pdf(@PathVariable long eventId, @PathVariable long invoiceId) {
        Invoice invoice = invoiceOf(eventId, invoiceId);
        return HttpResponse.ok(pdf.invoice(invoiceId)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + invoice.invoiceNumber() + ".pdf\"");
    }

    @Get("/{eventId}/credit-notes/{creditNoteId}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> creditNotePdf(@PathVariable long eventId, @PathVariable long creditNoteId) {
        CreditNote note = creditNotes.get(creditNoteId);
        invoiceOf(eventId, note.invoiceId());
        return HttpResponse.ok(pdf.creditNote(creditNoteId)).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + note.creditNoteNumber() + ".pdf\"");
    }

    @Get("/{eventId}/invoices.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> invoicesCsv(@PathVariable long eventId, @Nullable @QueryValue String format, HttpRequest<?> request) {
        Event event = events.get(eventId);
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("factures-" + event.slug(), dialect, exports.invoices(event.slug(), dialect, locale(request)));
    }

    @Get("/{eventId}/payments.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> paymentsCsv(@PathVariable long eventId, @Nullable @QueryValue String format, HttpRequest<?> request) {
        Event event = events.get(eventId);
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("paiements-" + event.slug(), dialect, exports.payments(event.slug(), dialect, locale(request)));
    }

    /** A CSV file, or the .xlsx one for {@code format=xlsx}. */
    static HttpResponse<byte[]> file(String base, CsvWriter.Dialect dialect, byte[] body) {
        return HttpResponse.ok(body).contentType(dialect.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + dialect.fileName(base) + "\"");
    }

    static HttpResponse<byte[]> csv(String name, byte[] body) {
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private HttpResponse<?> act(long eventId, Invoice invoice, @Nullable PaymentForm typed, HttpRequest<?> request,
                                Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/staff/invoices/" + eventId + "/invoice/" + invoice.id()));
        } catch (DomainException refusal) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("staff/invoice",
                    views.statement(events.get(eventId), invoices.get(invoice.id()), typed, refusal, locale(request))));
        }
    }

    private Invoice invoiceOf(long eventId, long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.eventId() != eventId) {
            throw DomainException.notFound("invoice_not_found");
        }
        return invoice;
    }

    private Organisation organisation(long id) {
        return organisations.findById(id).orElseThrow(() -> DomainException.notFound("organisation_not_found"));
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof Iterable<?> many) {
            v = many.iterator().hasNext() ? many.iterator().next() : null;
        }
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private Locale locale(HttpRequest<?> request) {
        return locales.resolveOrDefault(request);
    }
}
