package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProgrammeVersionRepository extends CrudRepository<ProgrammeVersion, Long> {

    /** Serialises publications of one event (and claims of solver runs, which lock the same row). */
    @Query("SELECT id FROM event WHERE id = :eventId FOR UPDATE")
    Optional<Long> lockEvent(Long eventId);

    Optional<ProgrammeVersion> findFirstByEventIdOrderByNumberDesc(Long eventId);

    List<ProgrammeVersion> findByEventIdOrderByNumberDesc(Long eventId);

    @Query("SELECT * FROM programme_version_session WHERE version_id = :versionId ORDER BY starts_at NULLS LAST, room_id, session_id")
    List<VersionedSession> findSessions(Long versionId);

    @Query("""
            INSERT INTO programme_version_session (version_id, session_id, title, description, kind, starts_at, ends_at,
                room_id, room_name, chair_person_id, members_only, capacity, expected_audience, languages, status,
                created_at, updated_at)
            VALUES (:versionId, :sessionId, :title, :description, :kind, :startsAt, :endsAt, :roomId, :roomName,
                :chairPersonId, :membersOnly, :capacity, :expectedAudience, :languages, :status, :createdAt, :updatedAt)""")
    void addSession(Long versionId, Long sessionId, String title, @Nullable String description, String kind,
                    @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Long roomId,
                    @Nullable String roomName, @Nullable Long chairPersonId, boolean membersOnly,
                    @Nullable Integer capacity, @Nullable Integer expectedAudience, String languages, String status,
                    Instant createdAt, Instant updatedAt);

    /** Registrations (not cancelled) that chose one of the sessions, with the session. */
    @Query("""
            SELECT r.id AS registration_id, r.person_id AS person_id, rs.session_id AS session_id
              FROM registration_session rs JOIN registration r ON r.id = rs.registration_id
             WHERE r.event_id = :eventId AND r.status <> 'CANCELLED' AND rs.status <> 'CANCELLED'
             ORDER BY r.id, rs.session_id""")
    List<Chooser> findChoosers(Long eventId);

    @Query("""
            INSERT INTO programme_notification (version_id, registration_id, person_id, session_id, change_kind, created_at)
            VALUES (:versionId, :registrationId, :personId, :sessionId, :changeKind, :createdAt)""")
    void addNotification(Long versionId, Long registrationId, Long personId, Long sessionId, String changeKind,
                         Instant createdAt);

    @Query("SELECT COUNT(*) FROM programme_notification WHERE version_id = :versionId")
    long countNotifications(Long versionId);

    @io.micronaut.core.annotation.Introspected
    record Chooser(Long registrationId, Long personId, Long sessionId) {
    }
}
