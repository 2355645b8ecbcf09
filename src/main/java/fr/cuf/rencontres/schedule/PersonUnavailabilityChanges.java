package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.TimetableLimits.BlockCommand;
import fr.cuf.rencontres.schedule.TimetableLimits.OffCommand;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Adds and deletes when a person cannot take part in sessions: within the event's days, end after start. */
@Singleton
public class PersonUnavailabilityChanges {

    private final EventService events;
    private final Unavailability.PersonUnavailabilityRepository personOff;
    private final PersonRepository persons;
    private final AuditLog audit;
    private final Clock clock;

    PersonUnavailabilityChanges(EventService events, Unavailability.PersonUnavailabilityRepository personOff, PersonRepository persons, AuditLog audit, Clock clock) {
        this.events = events;
        this.personOff = personOff;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Unavailability.OfPerson add(long eventId, OffCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = LimitWindows.window(c, "personId");
        if (c.whoId() != null && persons.findById(c.whoId()).isEmpty()) {
            v.add(Problem.field("personId", "person_not_found"));
        }
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.startsAt());
        Instant end = Times.fromParis(c.endsAt());
        LimitWindows.check(event, start, end, "startsAt", "endsAt", v);
        Unavailability.OfPerson saved = personOff.save(new Unavailability.OfPerson(null, c.whoId(), start, end,
                LimitWindows.strip(c.reason()), clock.instant()));
        audit.record(actor, "person_unavailability.created", "person", c.whoId(), c.startsAt() + "-" + c.endsAt());
        return saved;
    }

    @Transactional
    public void delete(long eventId, long id, String actor) {
        events.get(eventId);
        Unavailability.OfPerson row = personOff.findById(id)
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        personOff.delete(row);
        audit.record(actor, "person_unavailability.deleted", "person", row.personId(), String.valueOf(row.startsAt()));
    }
}
