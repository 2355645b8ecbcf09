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

    @Query("""
            SELECT sh.session_id, sh.series, sh.series_order, sh.beside_plenary
              FROM session_shape sh JOIN event_session s ON s.id = sh.session_id
             WHERE s.event_id = :eventId""")
    List<SessionShape> findShapes(Long eventId);

    @Query("SELECT session_id, series, series_order, beside_plenary FROM session_shape WHERE session_id = :sessionId")
    java.util.Optional<SessionShape> findShape(Long sessionId);

    @Query("DELETE FROM session_shape WHERE session_id = :sessionId")
    void clearShape(Long sessionId);

    @Query("""
            INSERT INTO session_shape (session_id, series, series_order, beside_plenary)
            VALUES (:sessionId, :series, :seriesOrder, :besidePlenary)""")
    void addShape(Long sessionId, @io.micronaut.core.annotation.Nullable String series,
                  @io.micronaut.core.annotation.Nullable Integer seriesOrder, boolean besidePlenary);

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

    /** Registrations (not cancelled) that chose both sessions of each pair of the event, both directions. */
    @Query("""
            SELECT a.session_id AS first_id, b.session_id AS second_id, COUNT(*) AS shared
              FROM registration_session a
              JOIN registration_session b ON b.registration_id = a.registration_id AND b.session_id <> a.session_id
              JOIN registration r ON r.id = a.registration_id
             WHERE r.event_id = :eventId AND r.status <> 'CANCELLED' AND a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
             GROUP BY a.session_id, b.session_id""")
    List<SharedChoice> findSharedChoices(Long eventId);

    /** {@link #findSharedChoices} by session, then other session: what the solver and the grid read. */
    default java.util.Map<Long, java.util.Map<Long, Integer>> sharedChoices(Long eventId) {
        java.util.Map<Long, java.util.Map<Long, Integer>> shared = new java.util.HashMap<>();
        findSharedChoices(eventId).forEach(c ->
                shared.computeIfAbsent(c.firstId(), k -> new java.util.HashMap<>()).put(c.secondId(), (int) c.shared()));
        return shared;
    }

    @io.micronaut.core.annotation.Introspected
    record SharedChoice(Long firstId, Long secondId, long shared) {
    }

    /** Demand for one session: seats held and waiting list; {@link #total} is what a room must hold. */
    @io.micronaut.core.annotation.Introspected
    record Demand(Long sessionId, long taken, long waiting) {
        public int total() {
            return (int) (taken + waiting);
        }
    }
}
