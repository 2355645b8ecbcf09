package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

/** One submission that registered several colleagues; its submitter manages the group. */
@MappedEntity("registration_group")
record RegistrationGroup(@Id @GeneratedValue @Nullable Long id, Long eventId, @Nullable Long organisationId,
                         Instant createdAt) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Groups extends CrudRepository<RegistrationGroup, Long> {
    }
}
