package fr.cuf.rencontres.schedule;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProgrammeChangeRepository extends CrudRepository<ProgrammeChange, Long> {

    List<ProgrammeChange> findByVersionIdOrderById(Long versionId);
}
