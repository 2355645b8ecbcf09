package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvoiceRepository extends CrudRepository<Invoice, Long> {

    List<Invoice> findByEventIdOrderByInvoiceNumber(Long eventId);

    @Query("SELECT * FROM invoice WHERE id = :id FOR UPDATE")
    Optional<Invoice> lock(Long id);

    /** Creates the year's row when it is the first invoice of the year; a concurrent insert waits, then does nothing. */
    @Query("INSERT INTO invoice_sequence (invoice_year, last_number) VALUES (:year, 0) ON CONFLICT DO NOTHING")
    void createSequence(int year);

    @Query("SELECT last_number FROM invoice_sequence WHERE invoice_year = :year FOR UPDATE")
    int lockSequence(int year);

    @Query("UPDATE invoice_sequence SET last_number = :number WHERE invoice_year = :year")
    void setSequence(int year, int number);
}
