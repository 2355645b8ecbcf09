package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PaymentRepository extends CrudRepository<Payment, Long> {

    @Query("SELECT * FROM invoice_payment WHERE invoice_id = :invoiceId ORDER BY paid_on, id")
    List<Payment> findByInvoice(Long invoiceId);

    @Query("""
            SELECT pay.* FROM invoice_payment pay JOIN invoice i ON i.id = pay.invoice_id
             WHERE i.event_id = :eventId ORDER BY i.invoice_number, pay.paid_on, pay.id""")
    List<Payment> findByEvent(Long eventId);
}
