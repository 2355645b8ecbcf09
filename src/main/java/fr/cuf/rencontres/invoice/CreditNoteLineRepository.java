package fr.cuf.rencontres.invoice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CreditNoteLineRepository extends CrudRepository<CreditNoteLine, Long> {

    List<CreditNoteLine> findByCreditNoteIdOrderById(Long creditNoteId);
}
