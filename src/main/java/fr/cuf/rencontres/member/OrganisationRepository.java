package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganisationRepository extends CrudRepository<Organisation, Long> {

    Optional<Organisation> findBySiren(String siren);

    @Query("""
            SELECT * FROM organisation
             WHERE (CAST(:query AS VARCHAR) IS NULL OR name ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR siren = CAST(:query AS VARCHAR) OR city ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%'))
             ORDER BY name
             LIMIT :limit OFFSET :offset""")
    List<Organisation> search(@Nullable String query, int limit, int offset);

    @Query("""
            SELECT COUNT(*) FROM organisation
             WHERE (CAST(:query AS VARCHAR) IS NULL OR name ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR siren = CAST(:query AS VARCHAR) OR city ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%'))""")
    long countSearch(@Nullable String query);

    List<Organisation> findByIdIn(List<Long> ids);

    List<Organisation> findBySirenIn(List<String> sirens);
    List<Organisation> findAllOrderByName();
}
