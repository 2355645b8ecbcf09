package fr.cuf.rencontres.calendar;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The calendar's own SQL: marks, fingerprints, session choices and tokens. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CalendarRepository extends CrudRepository<CalendarToken, Long> {

    @Query("SELECT id, sequence, cancelled_at FROM event WHERE id IN (:ids)")
    List<Mark> eventMarks(Collection<Long> ids);

    @Query("SELECT id, sequence, cancelled_at FROM event_session WHERE id IN (:ids)")
    List<Mark> sessionMarks(Collection<Long> ids);

    /**
     * Everything a programme feed shows, in five cheap aggregates (sessions, their rooms and chairs, the venue,
     * the event), with joins rather than IN (subquery), which H2 runs row by row. The UNION sits in a derived
     * table: H2 keeps a parsed statement for the next call only when the outer query is a plain SELECT, and
     * parsing this one again took half of its cost.
     */
    @Query("""
            SELECT n, changed, marks FROM (
            SELECT COUNT(*) AS n, MAX(s.updated_at) AS changed, CAST(SUM(s.id + s.sequence + s.version) AS BIGINT) AS marks
              FROM event e JOIN event_session s ON s.event_id = e.id WHERE e.slug = :slug
            UNION ALL
            SELECT COUNT(*), MAX(r.updated_at), CAST(SUM(r.id + r.version) AS BIGINT)
              FROM event e JOIN event_session s ON s.event_id = e.id JOIN room r ON r.id = s.room_id WHERE e.slug = :slug
            UNION ALL
            SELECT COUNT(*), MAX(p.updated_at), CAST(SUM(p.id + p.version) AS BIGINT)
              FROM event e JOIN event_session s ON s.event_id = e.id JOIN person p ON p.id = s.chair_person_id
             WHERE e.slug = :slug
            UNION ALL
            SELECT COUNT(*), MAX(v.updated_at), CAST(SUM(v.id + v.version) AS BIGINT)
              FROM event e JOIN venue v ON v.id = e.venue_id WHERE e.slug = :slug
            UNION ALL
            SELECT COUNT(*), MAX(e.updated_at), CAST(SUM(e.id + e.sequence + e.version) AS BIGINT)
              FROM event e WHERE e.slug = :slug) f""")
    List<Fingerprint> programmeFingerprint(String slug);

    /**
     * Everything the association or a group feed shows: its events, their venues and rooms, the groups and chairs
     * (in a derived table, as above, so that H2 parses it once).
     */
    @Query("""
            SELECT n, changed, marks FROM (
            SELECT COUNT(*) AS n, MAX(e.updated_at) AS changed, CAST(SUM(e.id + e.sequence + e.version) AS BIGINT) AS marks
              FROM event e WHERE e.status IN ('PUBLISHED', 'CANCELLED') AND e.ends_at > :from
            UNION ALL
            SELECT COUNT(*), MAX(v.updated_at), CAST(SUM(v.id + v.version) AS BIGINT) FROM venue v
            UNION ALL
            SELECT COUNT(*), MAX(r.updated_at), CAST(SUM(r.id + r.version) AS BIGINT)
              FROM event e JOIN room r ON r.id = e.room_id WHERE e.status IN ('PUBLISHED', 'CANCELLED') AND e.ends_at > :from
            UNION ALL
            SELECT COUNT(*), MAX(g.updated_at), CAST(SUM(g.id + g.version) AS BIGINT) FROM working_group g
            UNION ALL
            SELECT COUNT(*), MAX(p.updated_at), CAST(SUM(p.id + p.version) AS BIGINT)
              FROM working_group g JOIN person p ON p.id = g.chair_person_id) f""")
    List<Fingerprint> eventsFingerprint(Instant from);

    /** The sessions chosen in these registrations, except cancelled choices. */
    @Query("""
            SELECT session_id FROM registration_session
             WHERE registration_id IN (:registrationIds) AND status <> 'CANCELLED'""")
    List<Long> chosenSessions(Collection<Long> registrationIds);

    /** The sessions a person waits for (waiting list): tentative in their agenda. */
    @Query("""
            SELECT session_id FROM registration_session
             WHERE registration_id IN (:registrationIds) AND status = 'WAITLISTED'""")
    List<Long> waitingSessions(Collection<Long> registrationIds);

    @Query("SELECT registration_id FROM calendar_token WHERE token_hash = :tokenHash AND revoked_at IS NULL")
    Optional<Long> activeRegistration(String tokenHash);

    @Query("UPDATE calendar_token SET revoked_at = :now WHERE registration_id = :registrationId AND revoked_at IS NULL")
    long revokeAll(Long registrationId, Instant now);

    @Query("SELECT COUNT(*) FROM calendar_token WHERE registration_id = :registrationId AND revoked_at IS NULL")
    long countActive(Long registrationId);

    /** Serialises issuing and renewing for one registration (see AgendaTokens). */
    @Query("SELECT id FROM registration WHERE id = :registrationId FOR UPDATE")
    Optional<Long> lockRegistration(Long registrationId);
}
