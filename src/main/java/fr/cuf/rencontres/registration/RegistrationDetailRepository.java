package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The hand-written SQL of registration: locks, seat counts, waiting lists, details. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegistrationDetailRepository extends CrudRepository<RegistrationDetail, Long> {

    @Query("SELECT id FROM event WHERE id = :eventId FOR UPDATE")
    Optional<Long> lockEvent(Long eventId);

    /**
     * Locks the sessions in id order (so two transactions never wait on each other in a cycle) and reads the seats
     * they hold: the counter kept by the seat trigger (migration V191), current once the lock is taken.
     */
    @Query("SELECT id AS session_id, taken FROM event_session WHERE id IN (:sessionIds) ORDER BY id FOR UPDATE")
    List<Taken> lockSessions(Collection<Long> sessionIds);

    /** {@link #lockSessions} without the lock: only for the race test, with the protection switched off. */
    @Query("SELECT id AS session_id, taken FROM event_session WHERE id IN (:sessionIds)")
    List<Taken> readSessions(Collection<Long> sessionIds);

    @Query("SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status IN ('PENDING_PAYMENT', 'CONFIRMED')")
    long seatsTaken(Long eventId);

    /** The seats a session holds (its CONFIRMED choices, counted by the seat trigger of migration V191). */
    @Query("SELECT taken FROM event_session WHERE id = :sessionId")
    long sessionSeatsTaken(Long sessionId);

    @Query("""
            SELECT s.id, s.event_id, s.title, s.starts_at, s.ends_at, s.members_only,
                   COALESCE(s.capacity, r.capacity) AS capacity,
                   s.taken,
                   (SELECT COUNT(*) FROM registration_session rs WHERE rs.session_id = s.id AND rs.status = 'WAITLISTED') AS waiting
              FROM event_session s LEFT JOIN room r ON r.id = s.room_id
             WHERE s.event_id = :eventId
             ORDER BY s.starts_at NULLS LAST, s.id""")
    List<SessionSeats> sessionsOf(Long eventId);

    /** The sessions without their seat counts (counted one by one under lock when choosing). */
    @Query("""
            SELECT s.id, s.event_id, s.title, s.starts_at, s.ends_at, s.members_only,
                   COALESCE(s.capacity, r.capacity) AS capacity, 0 AS taken, 0 AS waiting
              FROM event_session s LEFT JOIN room r ON r.id = s.room_id
             WHERE s.event_id = :eventId""")
    List<SessionSeats> sessionsWithoutCounts(Long eventId);

    /** Only the sessions a registrant chose (the others' rows are neither read nor mapped). */
    @Query("""
            SELECT s.id, s.event_id, s.title, s.starts_at, s.ends_at, s.members_only,
                   COALESCE(s.capacity, r.capacity) AS capacity, 0 AS taken, 0 AS waiting
              FROM event_session s LEFT JOIN room r ON r.id = s.room_id
             WHERE s.event_id = :eventId AND s.id IN (:sessionIds)""")
    List<SessionSeats> chosenSessions(Long eventId, Collection<Long> sessionIds);

    @Query("SELECT registration_id FROM registration_detail WHERE event_id = :eventId AND active_email = :email")
    Optional<Long> activeByEmail(Long eventId, String email);

    @Query("SELECT * FROM registration_detail WHERE secret_hash = :secretHash")
    Optional<RegistrationDetail> findBySecretHash(String secretHash);

    List<RegistrationDetail> findByGroupId(Long groupId);

    @Query("SELECT COALESCE(MAX(waitlist_seq), 0) + 1 FROM registration_detail WHERE event_id = :eventId")
    long nextEventWaitlistSeq(Long eventId);

    @Query("SELECT COALESCE(MAX(waitlist_seq), 0) + 1 FROM registration_session WHERE session_id = :sessionId")
    long nextSessionWaitlistSeq(Long sessionId);

    /** The event's waiting list, first come first served. */
    @Query("""
            SELECT r.id FROM registration r JOIN registration_detail d ON d.registration_id = r.id
             WHERE r.event_id = :eventId AND r.status = 'WAITLISTED'
             ORDER BY d.waitlist_seq, r.id""")
    List<Long> eventWaitingList(Long eventId);

    /** A session's waiting list among registrations that hold an event seat, first come first served. */
    @Query("""
            SELECT rs.registration_id FROM registration_session rs JOIN registration r ON r.id = rs.registration_id
             WHERE rs.session_id = :sessionId AND rs.status = 'WAITLISTED' AND r.status IN ('PENDING_PAYMENT', 'CONFIRMED')
             ORDER BY rs.waitlist_seq, rs.registration_id""")
    List<Long> sessionWaitingList(Long sessionId);

    @Query("""
            INSERT INTO registration_session (registration_id, session_id, status, created_at, waitlist_seq)
            VALUES (:registrationId, :sessionId, :status, :createdAt, :waitlistSeq)""")
    void addChoice(Long registrationId, Long sessionId, String status, Instant createdAt,
                   @io.micronaut.core.annotation.Nullable Long waitlistSeq);

    @Query("UPDATE registration_session SET status = :status WHERE registration_id = :registrationId AND session_id = :sessionId")
    void setChoiceStatus(Long registrationId, Long sessionId, String status);

    @Query("UPDATE registration_session SET status = :status WHERE registration_id = :registrationId AND status <> 'CANCELLED'")
    void setAllChoices(Long registrationId, String status);

    @Query("DELETE FROM registration_session WHERE registration_id = :registrationId AND session_id = :sessionId")
    void removeChoice(Long registrationId, Long sessionId);

    @Query("SELECT session_id, status FROM registration_session WHERE registration_id = :registrationId ORDER BY session_id")
    List<Choice> choicesOf(Long registrationId);

    @Query("UPDATE registration_detail SET active_email = NULL WHERE registration_id = :registrationId")
    void deactivate(Long registrationId);

    @Query("UPDATE registration_detail SET secret_hash = :secretHash WHERE registration_id = :registrationId")
    void setSecretHash(Long registrationId, String secretHash);

    @Query("UPDATE registration_detail SET attendance_day = :attendanceDay WHERE registration_id = :registrationId")
    void setAttendanceDay(Long registrationId, @io.micronaut.core.annotation.Nullable Integer attendanceDay);

    @Query("UPDATE registration_detail SET waitlist_seq = :waitlistSeq WHERE registration_id = :registrationId")
    void setWaitlistSeq(Long registrationId, @io.micronaut.core.annotation.Nullable Long waitlistSeq);

    @Query("""
            UPDATE registration_detail SET dietary_needs = :dietaryNeeds, accessibility_needs = :accessibilityNeeds,
                   interpretation_language = :interpretationLanguage, locale = :locale
             WHERE registration_id = :registrationId""")
    void setNeeds(Long registrationId, @io.micronaut.core.annotation.Nullable String dietaryNeeds,
                  @io.micronaut.core.annotation.Nullable String accessibilityNeeds,
                  @io.micronaut.core.annotation.Nullable String interpretationLanguage, String locale);


    @Query("INSERT INTO organisation_review (organisation_id, submitted_at) VALUES (:organisationId, :submittedAt)")
    void flagForReview(Long organisationId, Instant submittedAt);

    @Query("SELECT organisation_id FROM organisation_review WHERE reviewed_at IS NULL")
    List<Long> organisationsToReview();

    @Query("UPDATE organisation_review SET reviewed_at = :reviewedAt, reviewed_by = :reviewedBy WHERE organisation_id = :organisationId")
    void markReviewed(Long organisationId, Instant reviewedAt, String reviewedBy);

    /**
     * What may already exist for a submission, in one statement: the registration remembered for its
     * Idempotency-Key (kind K, found = the sealed secret) and the active registrations of its e-mails for
     * the event (kind E, found = the e-mail). Read after the people's rows are locked.
     */
    @Query("""
            SELECT 'K' AS kind, registration_id, sealed_secret AS found FROM idempotency_key WHERE key_hash = :keyHash
            UNION ALL
            SELECT 'E' AS kind, registration_id, active_email AS found FROM registration_detail
             WHERE event_id = :eventId AND active_email IN (:emails)""")
    List<Prior> priorOf(@io.micronaut.core.annotation.Nullable String keyHash, Long eventId, Collection<String> emails);

    /** The organisation a registrant chose, with its membership of the given year (one statement). */
    @Query("""
            SELECT o.id, o.kind, o.country,
                   CASE WHEN EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = o.id
                                        AND m.membership_year = :year) THEN TRUE ELSE FALSE END AS member
              FROM organisation o WHERE o.id = :organisationId""")
    Optional<Payer> payer(Long organisationId, int year);

    @io.micronaut.core.annotation.Introspected
    record Prior(String kind, Long registrationId, String found) {
    }

    @io.micronaut.core.annotation.Introspected
    record Taken(Long sessionId, long taken) {
    }

    /** What pricing needs of an organisation: its kind and country, and whether it is a member that year. */
    @io.micronaut.core.annotation.Introspected
    record Payer(Long id, fr.cuf.rencontres.member.OrganisationKind kind, String country, boolean member) {
    }

    /** A session choice of a registration and its status (CONFIRMED holds a seat, or WAITLISTED, CANCELLED). */
    @io.micronaut.core.annotation.Introspected
    record Choice(Long sessionId, String status) {
    }
}
