package fr.cuf.rencontres.schedule;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends CrudRepository<Session, Long> {

    @Query("SELECT * FROM event_session WHERE event_id = :eventId ORDER BY starts_at NULLS LAST, room_id, id")
    List<Session> findByEventInOrder(Long eventId);

    long countByEventId(Long eventId);

    @Query("SELECT session_id, person_id FROM session_speaker WHERE session_id IN (:sessionIds) ORDER BY session_id, position")
    List<SessionSpeaker> findSpeakers(Collection<Long> sessionIds);

    @Query("SELECT session_id, group_id FROM session_group WHERE session_id IN (:sessionIds)")
    List<SessionGroup> findGroups(Collection<Long> sessionIds);

    @Query("INSERT INTO session_speaker (session_id, person_id, position) VALUES (:sessionId, :personId, :position)")
    void addSpeaker(Long sessionId, Long personId, int position);

    @Query("DELETE FROM session_speaker WHERE session_id = :sessionId")
    void clearSpeakers(Long sessionId);

    @Query("INSERT INTO session_group (session_id, group_id) VALUES (:sessionId, :groupId)")
    void addGroup(Long sessionId, Long groupId);

    @Query("DELETE FROM session_group WHERE session_id = :sessionId")
    void clearGroups(Long sessionId);

    /** Per session of the event: registrations holding a seat and registrations on its waiting list. */
    @Query("""
            SELECT rs.session_id AS session_id,
                   SUM(CASE WHEN rs.status = 'CONFIRMED' THEN 1 ELSE 0 END) AS taken,
                   SUM(CASE WHEN rs.status = 'WAITLISTED' THEN 1 ELSE 0 END) AS waiting
              FROM registration_session rs
              JOIN registration r ON r.id = rs.registration_id
              JOIN event_session s ON s.id = rs.session_id
             WHERE s.event_id = :eventId AND r.status <> 'CANCELLED' AND rs.status IN ('CONFIRMED', 'WAITLISTED')
             GROUP BY rs.session_id""")
    List<Demand> findDemand(Long eventId);

    /** Demand for one session: seats held and waiting list; {@link #total} is what a room must hold. */
    @io.micronaut.core.annotation.Introspected
    record Demand(Long sessionId, long taken, long waiting) {
        public int total() {
            return (int) (taken + waiting);
        }
    }
}
