package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.AuditLog;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Writes the registrations of a delegation list: CONFIRMED, price 0 in category "import", with the
 * chosen sessions.
 * <p>
 * STOPGAP: the registration feature (prices, capacity, waiting list) was written in parallel with this
 * import; once it is merged, {@link RegistrationImporter} must call its service instead of this class,
 * which then goes away.
 */
@Singleton
class ImportedRegistrations {

    static final String PRICE_CATEGORY = "import";

    private final RegistrationRepository registrations;
    private final Seats seats;
    private final AuditLog audit;
    private final Clock clock;

    ImportedRegistrations(RegistrationRepository registrations, Seats seats, AuditLog audit, Clock clock) {
        this.registrations = registrations;
        this.seats = seats;
        this.audit = audit;
        this.clock = clock;
    }

    /** Locks the event's row until the transaction ends, so that two imports cannot both take the last seats. */
    void lockEvent(long eventId) {
        seats.lockEvent(eventId);
    }

    /** Registrations that hold a seat (pending payment or confirmed). */
    long seatsTaken(long eventId) {
        return seats.countHeld(eventId);
    }

    Registration register(long eventId, long personId, Long organisationId, ParticipantType type,
                          List<Long> sessionIds, String actor) {
        Instant now = clock.instant();
        Registration saved = registrations.save(new Registration(null, eventId, personId, organisationId, type,
                RegistrationStatus.CONFIRMED, PRICE_CATEGORY, 0, 1, now, now, null));
        for (Long sessionId : sessionIds) {
            registrations.addSession(saved.id(), sessionId, RegistrationStatus.CONFIRMED.name(), now);
        }
        audit.record(actor, "registration.imported", "registration", saved.id(), "event " + eventId);
        return saved;
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Seats extends GenericRepository<Registration, Long> {

        @Query("SELECT id FROM event WHERE id = :eventId FOR UPDATE")
        List<Long> lockEvent(long eventId);

        @Query("SELECT COUNT(*) FROM registration WHERE event_id = :eventId AND status IN ('PENDING_PAYMENT', 'CONFIRMED')")
        long countHeld(long eventId);
    }
}
