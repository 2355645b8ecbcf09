package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvoiceLineRepository extends CrudRepository<InvoiceLine, Long> {

    List<InvoiceLine> findByInvoiceIdOrderById(Long invoiceId);

    /**
     * Registrations waiting for payment that are on no invoice yet (or only on credited lines), with who they are, in
     * name order; the price category by its French label, as the invoice prints it (its code when it has none).
     */
    @Query("""
            SELECT r.id, COALESCE(SUBSTRING(pc.label_fr, 1, 120), r.price_category) AS price_category, r.price_cents,
                   p.first_name, p.last_name
              FROM registration r JOIN person p ON p.id = r.person_id
              LEFT JOIN price_category pc ON pc.event_id = r.event_id AND pc.code = r.price_category
             WHERE r.event_id = :eventId AND r.organisation_id = :organisationId AND r.status = 'PENDING_PAYMENT'
               AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.registration_id = r.id
                                AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id))
             ORDER BY p.last_name, p.first_name, r.id""")
    List<Uninvoiced> uninvoiced(Long eventId, Long organisationId);

    /** Organisations that have registrations of the event to invoice, with how many and how much. */
    @Query("""
            SELECT o.id AS organisation_id, o.name, COUNT(*) AS registrations, SUM(r.price_cents) AS total_cents
              FROM registration r JOIN organisation o ON o.id = r.organisation_id
             WHERE r.event_id = :eventId AND r.status = 'PENDING_PAYMENT'
               AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.registration_id = r.id
                                AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id))
             GROUP BY o.id, o.name
             ORDER BY o.name""")
    List<ToInvoice> toInvoice(Long eventId);

    /** The lines of the invoice no credit note has cancelled yet. */
    @Query("""
            SELECT l.* FROM invoice_line l
             WHERE l.invoice_id = :invoiceId
               AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id)
             ORDER BY l.id""")
    List<InvoiceLine> openLines(Long invoiceId);

    /** The open (not credited) line of the registration, on whichever invoice. */
    @Query("""
            SELECT l.* FROM invoice_line l
             WHERE l.registration_id = :registrationId
               AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id)""")
    List<InvoiceLine> openLinesOfRegistration(Long registrationId);
}
