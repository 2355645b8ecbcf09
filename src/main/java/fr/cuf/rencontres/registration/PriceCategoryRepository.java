package fr.cuf.rencontres.registration;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PriceCategoryRepository extends CrudRepository<PriceCategory, Long> {

    List<PriceCategory> findByEventIdOrderByPosition(Long eventId);

    Optional<PriceCategory> findByEventIdAndCode(Long eventId, String code);

    Optional<PriceCategory> findByEventIdAndAppliesToAndDayPass(Long eventId, PriceRule appliesTo, int dayPass);
}
