package fr.cuf.rencontres.invoice;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface BillingDetailsRepository extends CrudRepository<BillingDetails, Long> {
}
