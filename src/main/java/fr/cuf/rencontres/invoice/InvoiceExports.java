package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invoices and payments of an event as CSV for the accountants, with {@link CsvWriter} (French Excel or
 * comma dialect, formula neutralisation) or .xlsx. As French accountants read them in every format: dates
 * JJ/MM/AAAA, amounts in euros with a decimal comma (numbers and dates typed in the .xlsx), labels not codes.
 */
@Singleton
public class InvoiceExports {

    private final InvoiceService invoices;
    private final InvoicePayments payments;
    private final EventRepository events;
    private final Messages messages;

    InvoiceExports(InvoiceService invoices, InvoicePayments payments, EventRepository events, Messages messages) {
        this.invoices = invoices;
        this.payments = payments;
        this.events = events;
        this.messages = messages;
    }

    public byte[] invoices(String eventSlug, CsvWriter.Dialect dialect, Locale locale) {
        Event event = event(eventSlug);
        List<Invoice> all = invoices.ofEvent(event.id());
        List<String> header = headers(locale, "number", "issuedOn", "organisation", "siren", "event", "registrations",
                "total", "paid", "due", "status");
        List<List<Object>> rows = new ArrayList<>();
        for (Invoice i : all) {
            rows.add(List.of(i.invoiceNumber(), i.issuedOn(), i.customerName(),
                    i.customerSiren() == null ? "" : i.customerSiren(), i.eventTitle(),
                    String.valueOf(invoices.lines(i.id()).size()), amount(i.totalCents()),
                    amount(i.paidCents()), amount(i.dueCents()),
                    messages.get(locale, "invoice.status." + i.status())));
        }
        return CsvWriter.write(dialect, header, rows);
    }

    public byte[] payments(String eventSlug, CsvWriter.Dialect dialect, Locale locale) {
        Event event = event(eventSlug);
        Map<Long, Invoice> byId = new HashMap<>();
        invoices.ofEvent(event.id()).forEach(i -> byId.put(i.id(), i));
        List<String> header = headers(locale, "number", "organisation", "paidOn", "amount", "method", "reference",
                "recordedBy");
        List<List<Object>> rows = new ArrayList<>();
        for (Payment p : payments.ofEvent(event.id())) {
            if (p.cancelled()) {
                continue;
            }
            Invoice i = byId.get(p.invoiceId());
            rows.add(List.of(i.invoiceNumber(), i.customerName(), p.paidOn(),
                    amount(p.amountCents()), messages.get(locale, "invoice.method." + p.method()),
                    p.reference() == null ? "" : p.reference(), p.recordedBy()));
        }
        return CsvWriter.write(dialect, header, rows);
    }

    /** Euros: {@link CsvWriter} writes them with a decimal comma, the .xlsx as numbers. */
    static java.math.BigDecimal amount(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2);
    }

    private List<String> headers(Locale locale, String... keys) {
        List<String> header = new ArrayList<>();
        for (String key : keys) {
            header.add(messages.get(locale, "invoice.csv." + key));
        }
        return header;
    }

    private Event event(String slug) {
        return events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }
}
