package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonRepository extends CrudRepository<Person, Long> {

    Optional<Person> findByEmail(String email);

    List<Person> findByEmailIn(Collection<String> emails);

    List<Person> findByOrganisationIdOrderByLastName(Long organisationId);

    List<Person> findByIdIn(Collection<Long> ids);

    List<Person> findAllOrderByLastName();

    /** People whose name (or whose organisation's name) contains the query, optionally of one organisation. */
    @Query("""
            SELECT p.* FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
             WHERE (CAST(:query AS VARCHAR) IS NULL
                    OR CONCAT(p.first_name, ' ', p.last_name) ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR CONCAT(p.last_name, ' ', p.first_name) ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR o.name ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%'))
               AND (CAST(:organisationId AS BIGINT) IS NULL OR p.organisation_id = CAST(:organisationId AS BIGINT))
             ORDER BY p.last_name, p.first_name, p.id
             LIMIT :limit OFFSET :offset""")
    List<Person> search(@Nullable String query, @Nullable Long organisationId, int limit, int offset);

    @Query("""
            SELECT COUNT(*) FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
             WHERE (CAST(:query AS VARCHAR) IS NULL
                    OR CONCAT(p.first_name, ' ', p.last_name) ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR CONCAT(p.last_name, ' ', p.first_name) ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%')
                    OR o.name ILIKE CONCAT('%', CAST(:query AS VARCHAR), '%'))
               AND (CAST(:organisationId AS BIGINT) IS NULL OR p.organisation_id = CAST(:organisationId AS BIGINT))""")
    long countSearch(@Nullable String query, @Nullable Long organisationId);
}
