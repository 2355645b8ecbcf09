package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvoiceLineRepository extends CrudRepository<InvoiceLine, Long> {

    List<InvoiceLine> findByInvoiceIdOrderById(Long invoiceId);

    /** Registrations waiting for payment that are on no invoice yet, with who they are, in name order. */
    @Query("""
            SELECT r.id, r.price_category, r.price_cents, p.first_name, p.last_name
              FROM registration r JOIN person p ON p.id = r.person_id
             WHERE r.event_id = :eventId AND r.organisation_id = :organisationId AND r.status = 'PENDING_PAYMENT'
               AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.registration_id = r.id)
             ORDER BY p.last_name, p.first_name, r.id""")
    List<Uninvoiced> uninvoiced(Long eventId, Long organisationId);

    /** Organisations that have registrations of the event to invoice, with how many and how much. */
    @Query("""
            SELECT o.id AS organisation_id, o.name, COUNT(*) AS registrations, SUM(r.price_cents) AS total_cents
              FROM registration r JOIN organisation o ON o.id = r.organisation_id
             WHERE r.event_id = :eventId AND r.status = 'PENDING_PAYMENT'
               AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.registration_id = r.id)
             GROUP BY o.id, o.name
             ORDER BY o.name""")
    List<ToInvoice> toInvoice(Long eventId);
}
