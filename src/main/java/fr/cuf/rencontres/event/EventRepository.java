package fr.cuf.rencontres.event;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EventRepository extends CrudRepository<Event, Long> {

    Optional<Event> findBySlug(String slug);

    boolean existsBySlug(String slug);

    /** Public events ending after {@code from}, soonest first. */
    @Query("""
            SELECT * FROM event
             WHERE status IN ('PUBLISHED', 'CANCELLED') AND ends_at > :from
             ORDER BY starts_at, id""")
    List<Event> findPublicEndingAfter(Instant from);

    /** Public events over by {@code until}, most recent first. */
    @Query("""
            SELECT * FROM event
             WHERE status IN ('PUBLISHED', 'CANCELLED') AND ends_at <= :until
             ORDER BY starts_at DESC, id DESC""")
    List<Event> findPublicEndedBy(Instant until);

    /** Every public event, oldest first. */
    @Query("""
            SELECT * FROM event
             WHERE status IN ('PUBLISHED', 'CANCELLED')
             ORDER BY starts_at, id""")
    List<Event> findPublic();

    @Query("""
            SELECT * FROM event
             WHERE status IN ('PUBLISHED', 'CANCELLED') AND group_id = :groupId
             ORDER BY starts_at, id""")
    List<Event> findPublicByGroup(Long groupId);

    List<Event> findAllOrderByStartsAtDesc();

    List<Event> findByIdIn(List<Long> ids);

    /**
     * Calendar apps take a change of time, place or status only with a higher SEQUENCE (calendar feeds);
     * cancelled_at starts the period a cancelled event stays in the feeds.
     */
    @Query("""
            UPDATE event SET sequence = sequence + 1,
                   cancelled_at = CASE WHEN status = 'CANCELLED' THEN COALESCE(cancelled_at, :now) ELSE NULL END
             WHERE id = :id""")
    void markCalendarChange(Long id, Instant now);
}
