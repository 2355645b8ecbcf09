package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegistrationRepository extends CrudRepository<Registration, Long> {

    List<Registration> findByEventId(Long eventId);

    List<Registration> findByPersonId(Long personId);

    @Query("SELECT session_id FROM registration_session WHERE registration_id = :registrationId AND status = :status")
    List<Long> findSessionIds(Long registrationId, String status);

    @Query("""
            INSERT INTO registration_session (registration_id, session_id, status, created_at)
            VALUES (:registrationId, :sessionId, :status, :createdAt)""")
    void addSession(Long registrationId, Long sessionId, String status, Instant createdAt);
}
