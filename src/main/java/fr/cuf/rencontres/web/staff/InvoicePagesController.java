package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.invoice.Invoice;
import fr.cuf.rencontres.invoice.InvoiceExports;
import fr.cuf.rencontres.invoice.InvoicePdf;
import fr.cuf.rencontres.invoice.InvoiceService;
import fr.cuf.rencontres.invoice.PaymentForm;
import fr.cuf.rencontres.invoice.PaymentMethod;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Staff invoices of an event: list, issue for an organisation, record payments, PDF, CSV for the accountants. */
@Controller("/staff/invoices")
@Secured({"ADMIN", "REGISTRATION_DESK"})
@ExecuteOn(TaskExecutors.BLOCKING)
class InvoicePagesController {

    private final InvoiceService invoices;
    private final InvoiceExports exports;
    private final InvoicePdf pdf;
    private final EventService events;
    private final OrganisationRepository organisations;
    private final HttpLocaleResolver locales;
    private final Messages messages;
    private final java.time.Clock clock;

    InvoicePagesController(InvoiceService invoices, InvoiceExports exports, InvoicePdf pdf, EventService events,
                           OrganisationRepository organisations, HttpLocaleResolver locales, Messages messages,
                           java.time.Clock clock) {
        this.clock = clock;
        this.invoices = invoices;
        this.exports = exports;
        this.pdf = pdf;
        this.events = events;
        this.organisations = organisations;
        this.locales = locales;
        this.messages = messages;
    }

    @Get("/{eventId}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@PathVariable long eventId, HttpRequest<?> request) {
        return new ModelAndView<>("staff/invoices", model(events.get(eventId), request, null));
    }

    @Post(value = "/{eventId}/issue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> issue(@PathVariable long eventId, @Body Map<String, Object> form, Principal staff,
                          HttpRequest<?> request) {
        String organisation = value(form, "organisationId");
        return act(events.get(eventId), request, () -> {
            if (organisation == null || !organisation.matches("\\d+")) {
                throw DomainException.invalid("organisationId", "required");
            }
            return invoices.issue(eventId, Long.parseLong(organisation), staff.getName());
        });
    }

    @Post(value = "/{eventId}/{invoiceId}/payments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> pay(@PathVariable long eventId, @PathVariable long invoiceId, @Body Map<String, Object> form,
                        Principal staff, HttpRequest<?> request) {
        Event event = events.get(eventId);
        return act(event, request, () -> {
            if (invoices.get(invoiceId).eventId() != eventId) {
                throw DomainException.notFound("invoice_not_found");
            }
            return invoices.recordPayment(invoiceId, new PaymentForm(value(form, "paidOn"), value(form, "amountEuros"),
                    value(form, "method"), value(form, "reference")), staff.getName());
        });
    }

    @Get("/{eventId}/{invoiceId}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> pdf(@PathVariable long eventId, @PathVariable long invoiceId, HttpRequest<?> request) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.eventId() != eventId) {
            throw DomainException.notFound("invoice_not_found");
        }
        return HttpResponse.ok(pdf.render(invoiceId, locale(request))).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + invoice.invoiceNumber() + ".pdf\"");
    }

    @Get("/{eventId}/invoices.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> invoicesCsv(@PathVariable long eventId, @Nullable @QueryValue String format, HttpRequest<?> request) {
        Event event = events.get(eventId);
        return csv("factures-" + event.slug() + ".csv", exports.invoices(event.slug(), CsvWriter.Dialect.of(format), locale(request)));
    }

    @Get("/{eventId}/payments.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> paymentsCsv(@PathVariable long eventId, @Nullable @QueryValue String format, HttpRequest<?> request) {
        Event event = events.get(eventId);
        return csv("paiements-" + event.slug() + ".csv", exports.payments(event.slug(), CsvWriter.Dialect.of(format), locale(request)));
    }

    static HttpResponse<byte[]> csv(String name, byte[] body) {
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private HttpResponse<?> act(Event event, HttpRequest<?> request, Supplier<Object> action) {
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/staff/invoices/" + event.id()));
        } catch (DomainException refusal) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("staff/invoices", model(event, request, refusal)));
        }
    }

    private Map<String, Object> model(Event event, HttpRequest<?> request, @Nullable DomainException refusal) {
        Locale locale = locale(request);
        List<Invoice> all = invoices.ofEvent(event.id());
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = all.stream().map(Invoice::organisationId).distinct().toList();
        if (!ids.isEmpty()) {
            organisations.findByIdIn(ids).forEach((Organisation o) -> names.put(o.id(), o.name()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("invoices", all.stream().map(i -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", i.id());
            row.put("number", i.invoiceNumber());
            row.put("issuedOn", i.issuedOn().toString());
            row.put("organisation", names.getOrDefault(i.organisationId(), ""));
            row.put("total", InvoiceService.euros(i.totalCents()));
            row.put("paid", InvoiceService.euros(i.paidCents()));
            row.put("due", InvoiceService.euros(i.dueCents()));
            row.put("status", messages.get(locale, "invoice.status." + i.status()));
            row.put("open", i.dueCents() > 0);
            return row;
        }).toList());
        model.put("toInvoice", invoices.toInvoice(event.id()).stream().map(t -> Map.of("id", t.organisationId(),
                "name", t.name(), "registrations", t.registrations(), "total", InvoiceService.euros(t.totalCents()))).toList());
        model.put("methods", Arrays.stream(PaymentMethod.values()).map(m -> Map.of("value", m.name(),
                "label", messages.get(locale, "invoice.method." + m))).toList());
        model.put("today", fr.cuf.rencontres.support.Times.paris(clock.instant()).toLocalDate().toString());
        if (refusal != null) {
            model.put("errorList", refusal.problems().stream().map((Problem p) -> {
                Map<String, Object> error = new HashMap<>();
                error.put("code", p.code());
                error.put("field", p.field());
                error.put("message", messages.problem(locale, p));
                return error;
            }).toList());
        }
        return model;
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof Iterable<?> many) {
            v = many.iterator().hasNext() ? many.iterator().next() : null;
        }
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private Locale locale(HttpRequest<?> request) {
        return Messages.supported(locales.resolveOrDefault(request));
    }
}
