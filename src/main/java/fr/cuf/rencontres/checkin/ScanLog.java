package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** The scans recorded, and what they say about who is where. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScanLog extends CrudRepository<CheckinScan, Long> {

    /** People ever checked in, per list of an event. */
    @Query("""
            SELECT list_key, COUNT(DISTINCT registration_id) AS total FROM checkin_scan
             WHERE event_id = :eventId AND outcome = 'ok' AND direction = 'ENTRY'
             GROUP BY list_key""")
    List<ListCount> countCheckedIn(long eventId);

    /** People inside now, per list (the presence follows the scans' times, see {@link ScanWrites}). */
    @Query("""
            SELECT c.list_key, COUNT(*) AS total FROM checkin_presence c
              JOIN registration r ON r.id = c.registration_id
             WHERE r.event_id = :eventId AND c.inside = TRUE
             GROUP BY c.list_key""")
    List<ListCount> countInside(long eventId);

    /**
     * Accepted scans of an event after a scan id, oldest first: what other doors did since a scanning page last
     * asked. A scan committed late with a lower id is caught by the caller's overlap.
     */
    @Query("""
            SELECT id, registration_id, list_key, direction, scanned_at, first_checkin_at FROM checkin_scan
             WHERE event_id = :eventId AND id > :afterId AND outcome = 'ok' AND registration_id IS NOT NULL
             ORDER BY id
             LIMIT :limit""")
    List<DoorScan> findAcceptedAfter(long eventId, long afterId, int limit);

    @Query("SELECT COALESCE(MAX(id), 0) FROM checkin_scan WHERE event_id = :eventId")
    long maxId(long eventId);


    /** First accepted entry of each person on a list. */
    @Query("""
            SELECT registration_id, MIN(scanned_at) AS first_entry FROM checkin_scan
             WHERE event_id = :eventId AND list_key = :listKey AND outcome = 'ok' AND direction = 'ENTRY'
             GROUP BY registration_id""")
    List<Entry> findEntries(long eventId, String listKey);

    /** Registrations checked in at any entrance of the event. */
    @Query("""
            SELECT DISTINCT registration_id FROM checkin_scan
             WHERE event_id = :eventId AND outcome = 'ok' AND direction = 'ENTRY' AND list_key LIKE 'entrance:%'""")
    List<Long> findArrived(long eventId);

    @Introspected
    record ListCount(String listKey, long total) {
    }

    @Introspected
    record Entry(long registrationId, Instant firstEntry) {
    }
}
