package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the year's group meetings hold during an event: a room of its venue (in-person and hybrid meetings), or the
 * chair of the meeting's group. The timetable counts them as times the room or the person cannot be used, so a
 * session placed against a meeting gets the {@code room_unavailable} / {@code person_unavailable} warning on the
 * grid and the solver avoids it (the meeting's own checks see the sessions).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MeetingHolds extends GenericRepository<Event, Long> {

    @Introspected
    record Hold(long holderId, Instant startsAt, Instant endsAt) {
        Window window() {
            return new Window(startsAt, endsAt);
        }
    }

    @Query("""
            SELECT room_id AS holder_id, starts_at, ends_at FROM event
             WHERE room_id IN (:roomIds) AND id <> :eventId AND status <> 'CANCELLED'
               AND ends_at > :from AND starts_at < :to""")
    List<Hold> roomsHeld(Collection<Long> roomIds, long eventId, Instant from, Instant to);

    @Query("""
            SELECT g.chair_person_id AS holder_id, e.starts_at, e.ends_at
              FROM event e JOIN working_group g ON g.id = e.group_id
             WHERE g.chair_person_id IN (:personIds) AND e.id <> :eventId AND e.status <> 'CANCELLED'
               AND e.ends_at > :from AND e.starts_at < :to""")
    List<Hold> chairsHeld(Collection<Long> personIds, long eventId, Instant from, Instant to);
}
