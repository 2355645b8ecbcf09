package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Person;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a programme feed shows, in two statements: the event with its group, venue and room ({@link #summary});
 * the placed sessions, in one statement: the sessions of the latest published
 * version (the live ones when the event was never published, as {@code ProgrammeService.of} reads them), each
 * with its live SEQUENCE and cancellation, its room, the room's venue and its chair, plus the event's own
 * SEQUENCE and cancellation. A render used to run about ten generated queries for this (entities with speakers
 * and groups a feed never prints); mapping one row by hand costs a fraction of that. No column of either result
 * is CHAR (venue.country is cast): H2 wraps a result holding one in ResultWithPaddedStrings, which copies the whole
 * row at every column read, and that was most of the mapping's cost (JFR).
 */
@Singleton
class ProgrammeFeedRepository {

    private static final String SQL = """
            SELECT s.session_id, s.title, s.starts_at, s.ends_at, s.members_only, s.created_at, s.updated_at,
                   COALESCE(live.sequence, 0), live.cancelled_at,
                   r.id, r.venue_id, r.name, r.capacity, r.interpretation_booths, r.video_link, r.stage, r.b2b_tables,
                   r.created_at, r.updated_at, r.version,
                   v.id, v.name, v.address_line, v.postal_code, v.city, CAST(v.country AS VARCHAR(2)),
                   v.opening_time, v.closing_time,
                   v.created_at, v.updated_at, v.version,
                   c.id, c.first_name, c.last_name, c.function_title, c.email, c.phone, c.organisation_id,
                   c.elected_official, c.created_at, c.updated_at, c.version,
                   e.sequence, e.cancelled_at
              FROM (SELECT ps.session_id, ps.title, ps.starts_at, ps.ends_at, ps.room_id, ps.chair_person_id,
                           ps.members_only, ps.created_at, ps.updated_at
                      FROM programme_version_session ps
                     WHERE ps.version_id = (SELECT pv.id FROM programme_version pv WHERE pv.event_id = ?
                                             ORDER BY pv.number DESC FETCH FIRST 1 ROWS ONLY)
                    UNION ALL
                    SELECT ls.id, ls.title, ls.starts_at, ls.ends_at, ls.room_id, ls.chair_person_id,
                           ls.members_only, ls.created_at, ls.updated_at
                      FROM event_session ls
                     WHERE ls.event_id = ? AND NOT EXISTS (SELECT 1 FROM programme_version pv WHERE pv.event_id = ?)
                   ) s
              JOIN event e ON e.id = ?
              LEFT JOIN event_session live ON live.id = s.session_id
              LEFT JOIN room r ON r.id = s.room_id
              LEFT JOIN venue v ON v.id = r.venue_id
              LEFT JOIN person c ON c.id = s.chair_person_id
             WHERE s.starts_at IS NOT NULL AND s.ends_at IS NOT NULL
             ORDER BY s.starts_at, s.room_id, s.session_id""";

    /** An event by its slug with its group, venue and room (a meeting's), as {@code EventCatalogue.summary} reads it. */
    private static final String SUMMARY = """
            SELECT e.id, e.slug, e.kind, e.title, e.summary, e.series, e.starts_at, e.ends_at, e.format, e.venue_id,
                   e.location_note, e.online_link, e.members_only, e.group_id, e.capacity, e.registration_opens_at,
                   e.registration_closes_at, e.status, e.created_at, e.updated_at, e.version, e.room_id,
                   e.cancellation_reason,
                   g.id, g.slug, g.name, g.kind, g.pole, g.chair_person_id, g.description, g.members_only,
                   g.created_at, g.updated_at, g.version,
                   v.id, v.name, v.address_line, v.postal_code, v.city, CAST(v.country AS VARCHAR(2)),
                   v.opening_time, v.closing_time,
                   v.created_at, v.updated_at, v.version,
                   r.id, r.venue_id, r.name, r.capacity, r.interpretation_booths, r.video_link, r.stage, r.b2b_tables,
                   r.created_at, r.updated_at, r.version
              FROM event e
              LEFT JOIN working_group g ON g.id = e.group_id
              LEFT JOIN venue v ON v.id = e.venue_id
              LEFT JOIN room r ON r.id = e.room_id
             WHERE e.slug = ?""";

    private final JdbcOperations jdbc;

    ProgrammeFeedRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's SEQUENCE and cancellation (NONE when it has no placed session) and its placed sessions in order. */
    record Rows(Mark eventMark, List<FeedSession> sessions) {
    }

    // one statement, consistent on its own: a connection is enough, no transaction to begin and commit
    @Connectable
    Rows of(long eventId) {
        return jdbc.prepareStatement(SQL, (PreparedStatement statement) -> {
            for (int i = 1; i <= 4; i++) {
                statement.setLong(i, eventId);
            }
            List<FeedSession> sessions = new ArrayList<>();
            Mark eventMark = Mark.NONE;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sessions.add(session(row));
                    eventMark = new Mark(eventId, row.getInt(43), instant(row, 44));
                }
            }
            return new Rows(eventMark, sessions);
        });
    }

    /** The event of this slug with its group, venue and room, in one statement; empty when there is none. */
    @Connectable
    Optional<EventSummary> summary(String slug) {
        return jdbc.prepareStatement(SUMMARY, (PreparedStatement statement) -> {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new EventSummary(event(row), group(row), venue(row, 35),
                        room(row, 46))) : Optional.empty();
            }
        });
    }

    private static Event event(ResultSet row) throws SQLException {
        return new Event(row.getLong(1), row.getString(2), EventKind.valueOf(row.getString(3)), row.getString(4),
                row.getString(5), row.getString(6), instant(row, 7), instant(row, 8),
                EventFormat.valueOf(row.getString(9)), row.getObject(10, Long.class), row.getString(11),
                row.getString(12), row.getBoolean(13), row.getObject(14, Long.class), row.getObject(15, Integer.class),
                instant(row, 16), instant(row, 17), EventStatus.valueOf(row.getString(18)), instant(row, 19),
                instant(row, 20), row.getObject(21, Long.class), row.getObject(22, Long.class), row.getString(23));
    }

    private static Group group(ResultSet row) throws SQLException {
        Long id = row.getObject(24, Long.class);
        String pole = row.getString(28);
        return id == null ? null : new Group(id, row.getString(25), row.getString(26),
                GroupKind.valueOf(row.getString(27)), pole == null ? null : Pole.valueOf(pole),
                row.getObject(29, Long.class), row.getString(30), row.getBoolean(31), instant(row, 32),
                instant(row, 33), row.getObject(34, Long.class));
    }

    private static FeedSession session(ResultSet row) throws SQLException {
        long id = row.getLong(1);
        return new FeedSession(id, row.getString(2), instant(row, 3), instant(row, 4), row.getBoolean(5),
                instant(row, 6), instant(row, 7), new Mark(id, row.getInt(8), instant(row, 9)),
                room(row, 10), venue(row, 21), chair(row));
    }

    /** A room's eleven columns from {@code at} on (all null when there is no room). */
    private static Room room(ResultSet row, int at) throws SQLException {
        Long id = row.getObject(at, Long.class);
        return id == null ? null : new Room(id, row.getLong(at + 1), row.getString(at + 2), row.getInt(at + 3),
                row.getBoolean(at + 4), row.getBoolean(at + 5), row.getBoolean(at + 6), row.getBoolean(at + 7),
                instant(row, at + 8), instant(row, at + 9), row.getObject(at + 10, Long.class));
    }

    /** A venue's eleven columns from {@code at} on (all null when there is no venue). */
    private static Venue venue(ResultSet row, int at) throws SQLException {
        Long id = row.getObject(at, Long.class);
        return id == null ? null : new Venue(id, row.getString(at + 1), row.getString(at + 2), row.getString(at + 3),
                row.getString(at + 4), row.getString(at + 5), row.getObject(at + 6, LocalTime.class),
                row.getObject(at + 7, LocalTime.class), instant(row, at + 8), instant(row, at + 9),
                row.getObject(at + 10, Long.class));
    }

    private static Person chair(ResultSet row) throws SQLException {
        Long id = row.getObject(32, Long.class);
        return id == null ? null : new Person(id, row.getString(33), row.getString(34), row.getString(35),
                row.getString(36), row.getString(37), row.getObject(38, Long.class), row.getBoolean(39),
                instant(row, 40), instant(row, 41), row.getObject(42, Long.class));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
