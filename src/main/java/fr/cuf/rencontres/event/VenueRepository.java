package fr.cuf.rencontres.event;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VenueRepository extends CrudRepository<Venue, Long> {

    List<Venue> findAllOrderByName();

    List<Venue> findByIdIn(Collection<Long> ids);
}
