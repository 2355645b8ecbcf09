package fr.cuf.rencontres.event;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoomRepository extends CrudRepository<Room, Long> {

    List<Room> findByVenueIdOrderByCapacityDesc(Long venueId);

    List<Room> findByIdIn(Collection<Long> ids);

    boolean existsByVenueIdAndName(Long venueId, String name);
}
