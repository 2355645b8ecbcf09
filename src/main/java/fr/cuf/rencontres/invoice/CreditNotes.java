package fr.cuf.rencontres.invoice;

import fr.cuf.rencontres.registration.RegistrationCancelled;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Credit notes ("avoirs"): an issued invoice is never edited; what it no longer owes is cancelled by a credit
 * note that refers to it, numbered in its own gap-free series per year (AV-2026-0001), taken from a locked row
 * like invoice numbers. Issued when a registration on an open invoice line is cancelled (in the cancelling
 * transaction), or when staff cancel what remains of an invoice (to correct and issue it again).
 */
@Singleton
public class CreditNotes implements ApplicationEventListener<RegistrationCancelled> {

    static final String PREFIX = "AV";

    private final CreditNoteRepository notes;
    private final CreditNoteLineRepository noteLines;
    private final InvoiceLineRepository lines;
    private final InvoiceRepository invoices;
    private final InvoiceService invoiceService;
    private final AuditLog audit;
    private final Clock clock;

    CreditNotes(CreditNoteRepository notes, CreditNoteLineRepository noteLines, InvoiceLineRepository lines,
                InvoiceRepository invoices, InvoiceService invoiceService, AuditLog audit, Clock clock) {
        this.notes = notes;
        this.noteLines = noteLines;
        this.lines = lines;
        this.invoices = invoices;
        this.invoiceService = invoiceService;
        this.audit = audit;
        this.clock = clock;
    }

    /** A cancelled registration on an open invoice line: that line is credited. */
    @Override
    @Transactional
    public void onApplicationEvent(RegistrationCancelled cancelled) {
        for (InvoiceLine line : lines.openLinesOfRegistration(cancelled.registrationId())) {
            credit(line.invoiceId(), List.of(line.id()), "Annulation de l'inscription", cancelled.actor());
        }
    }

    /** Staff cancel every line of the invoice not credited yet; its registrations can then be invoiced again. */
    @Transactional
    public CreditNote cancelInvoice(long invoiceId, String reason, String actor) {
        new Validator().required("reason", reason == null || reason.isBlank() ? null : reason)
                .maxLength("reason", reason, 400).throwIfInvalid();
        invoiceService.get(invoiceId);
        List<Long> open = lines.openLines(invoiceId).stream().map(InvoiceLine::id).toList();
        if (open.isEmpty()) {
            throw DomainException.conflict("invoice_already_credited");
        }
        return credit(invoiceId, open, reason.strip(), actor);
    }

    private CreditNote credit(long invoiceId, List<Long> lineIds, String reason, String actor) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        List<InvoiceLine> open = lines.openLines(invoiceId);
        List<InvoiceLine> credited = open.stream().filter(l -> lineIds.contains(l.id())).toList();
        Issuer issuer = invoiceService.issuerOf(invoice);
        int net = credited.stream().mapToInt(InvoiceLine::amountCents).sum();
        boolean all = credited.size() == open.size();
        int creditedBefore = invoice.creditedCents();
        // the last credit note takes exactly what remains, so that rounding of VAT never leaves a cent owed
        int total = all ? invoice.totalCents() - creditedBefore : net + issuer.vatOn(net);
        int vat = total - net;
        Instant now = clock.instant();
        LocalDate today = Times.paris(now).toLocalDate();
        int year = today.getYear();
        notes.createSequence(year);
        int number = notes.lockSequence(year) + 1;
        notes.setSequence(year, number);
        CreditNote note = notes.save(new CreditNote(null, number(year, number), invoiceId, today, net, vat, total,
                reason, actor, now));
        noteLines.saveAll(credited.stream().map(l -> new CreditNoteLine(null, note.id(), l.id(), l.description(),
                l.amountCents())).toList());
        invoices.update(invoice.withMoney(creditedBefore + total, invoice.paidCents(), now));
        audit.record(actor, "invoice.credited", "invoice", invoiceId,
                note.creditNoteNumber() + " " + total + " (" + credited.size() + " lines): " + reason);
        return note;
    }

    static String number(int year, int number) {
        return String.format(Locale.ROOT, "%s-%d-%04d", PREFIX, year, number);
    }

    public List<CreditNote> ofInvoice(long invoiceId) {
        return notes.findByInvoiceIdOrderByCreditNoteNumber(invoiceId);
    }

    public List<CreditNote> ofEvent(long eventId) {
        return notes.findByEvent(eventId);
    }

    public List<CreditNoteLine> lines(long creditNoteId) {
        return noteLines.findByCreditNoteIdOrderById(creditNoteId);
    }

    public CreditNote get(long id) {
        return notes.findById(id).orElseThrow(() -> DomainException.notFound("credit_note_not_found"));
    }
}
