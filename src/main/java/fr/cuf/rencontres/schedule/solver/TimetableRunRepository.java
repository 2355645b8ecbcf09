package fr.cuf.rencontres.schedule.solver;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TimetableRunRepository extends CrudRepository<TimetableRun, Long> {

    /** Locks the event row: claims on one event are serialised, whichever instance makes them. */
    @Query("SELECT id FROM event WHERE id = :eventId FOR UPDATE")
    Optional<Long> lockEvent(Long eventId);

    @Query("SELECT * FROM timetable_run WHERE event_id = :eventId AND status = 'RUNNING' AND heartbeat_at > :aliveAfter")
    List<TimetableRun> findLive(Long eventId, Instant aliveAfter);

    List<TimetableRun> findByEventIdOrderByIdDesc(Long eventId);

    @Query("""
            UPDATE timetable_run SET best_score = :bestScore, hard_score = :hard, soft_score = :soft,
                   score_history = :history, elapsed_ms = :elapsedMs, heartbeat_at = :now
             WHERE id = :id""")
    void progress(Long id, String bestScore, long hard, long soft, String history, long elapsedMs, Instant now);

    @Query("UPDATE timetable_run SET elapsed_ms = :elapsedMs, heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'")
    void heartbeat(Long id, long elapsedMs, Instant now);

    @Query("UPDATE timetable_run SET stop_requested = TRUE WHERE id = :id AND status = 'RUNNING'")
    int requestStop(Long id);

    @Query("""
            UPDATE timetable_run SET status = :status, ended_at = :now, explanation = :explanation, error = :error,
                   heartbeat_at = :now
             WHERE id = :id""")
    void end(Long id, String status, Instant now, @io.micronaut.core.annotation.Nullable String explanation,
             @io.micronaut.core.annotation.Nullable String error);

    @Query("UPDATE timetable_run SET status = :to WHERE id = :id AND status = :from")
    int transition(Long id, String from, String to);

    @Query("""
            INSERT INTO timetable_proposal (run_id, session_id, starts_at, ends_at, room_id, session_version, changed)
            VALUES (:runId, :sessionId, :startsAt, :endsAt, :roomId, :sessionVersion, :changed)""")
    void addProposal(Long runId, Long sessionId, Instant startsAt, Instant endsAt, Long roomId, long sessionVersion,
                     boolean changed);

    @Query("SELECT * FROM timetable_proposal WHERE run_id = :runId ORDER BY starts_at, room_id")
    List<ProposalRow> findProposal(Long runId);
}
