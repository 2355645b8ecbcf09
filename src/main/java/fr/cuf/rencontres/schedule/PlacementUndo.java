package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where sessions were before each change of place on the grid, newest last: what "undo" takes back. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlacementUndo extends GenericRepository<Session, Long> {

    @Introspected
    record Step(Long id, Long sessionId, @Nullable Instant oldStartsAt, @Nullable Instant oldEndsAt,
                @Nullable Long oldRoomId) {
    }

    @Query("""
            INSERT INTO placement_undo (event_id, session_id, old_starts_at, old_ends_at, old_room_id, actor, created_at)
            VALUES (:eventId, :sessionId, :oldStartsAt, :oldEndsAt, :oldRoomId, :actor, :createdAt)""")
    void remember(Long eventId, Long sessionId, @Nullable Instant oldStartsAt, @Nullable Instant oldEndsAt,
                  @Nullable Long oldRoomId, String actor, Instant createdAt);

    @Query("""
            SELECT id, session_id, old_starts_at, old_ends_at, old_room_id FROM placement_undo
             WHERE event_id = :eventId ORDER BY id DESC LIMIT 1""")
    Optional<Step> latest(Long eventId);

    @Query("DELETE FROM placement_undo WHERE id = :id")
    void forget(Long id);

    @Query("DELETE FROM placement_undo WHERE event_id = :eventId")
    void forgetAll(Long eventId);

    @Query("SELECT s.title FROM placement_undo u JOIN event_session s ON s.id = u.session_id WHERE u.id = :id")
    List<String> title(Long id);
}
