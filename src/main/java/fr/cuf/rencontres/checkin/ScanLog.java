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

    /** People inside now, per list: their last accepted scan there was an entry. */
    @Query("""
            SELECT s.list_key, COUNT(*) AS total FROM checkin_scan s
             WHERE s.event_id = :eventId AND s.outcome = 'ok' AND s.direction = 'ENTRY'
               AND s.id = (SELECT MAX(t.id) FROM checkin_scan t
                            WHERE t.registration_id = s.registration_id AND t.list_key = s.list_key AND t.outcome = 'ok')
             GROUP BY s.list_key""")
    List<ListCount> countInside(long eventId);

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
