package fr.cuf.rencontres.member;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MembershipRepository extends CrudRepository<Membership, Long> {

    boolean existsByOrganisationIdAndMembershipYear(Long organisationId, int membershipYear);

    List<Membership> findByOrganisationIdOrderByMembershipYearDesc(Long organisationId);

    List<Membership> findByOrganisationIdIn(List<Long> organisationIds);

    void deleteByOrganisationIdAndMembershipYear(Long organisationId, int membershipYear);

    List<Membership> findByOrganisationIdIn(Collection<Long> organisationIds);

    @Query("SELECT organisation_id FROM membership WHERE membership_year = :membershipYear")
    List<Long> findOrganisationIdsByYear(int membershipYear);
}
