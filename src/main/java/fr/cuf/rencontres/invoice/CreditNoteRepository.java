package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CreditNoteRepository extends CrudRepository<CreditNote, Long> {

    List<CreditNote> findByInvoiceIdOrderByCreditNoteNumber(Long invoiceId);

    @Query("""
            SELECT c.* FROM credit_note c JOIN invoice i ON i.id = c.invoice_id
             WHERE i.event_id = :eventId ORDER BY c.credit_note_number""")
    List<CreditNote> findByEvent(Long eventId);

    @Query("INSERT INTO credit_note_sequence (credit_year, last_number) VALUES (:year, 0) ON CONFLICT DO NOTHING")
    void createSequence(int year);

    @Query("SELECT last_number FROM credit_note_sequence WHERE credit_year = :year FOR UPDATE")
    int lockSequence(int year);

    @Query("UPDATE credit_note_sequence SET last_number = :number WHERE credit_year = :year")
    void setSequence(int year, int number);
}
