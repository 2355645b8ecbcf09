package fr.cuf.rencontres.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffRepository extends CrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);
}
