package fr.cuf.rencontres.group;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GroupRepository extends CrudRepository<Group, Long> {

    Optional<Group> findBySlug(String slug);

    List<Group> findAllOrderByName();

    List<Group> findByPole(Pole pole);

    List<Group> findByIdIn(Collection<Long> ids);
}
