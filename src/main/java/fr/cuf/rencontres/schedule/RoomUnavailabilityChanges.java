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

/** Adds and deletes when a room of the event's venue cannot be used: within the event's days, end after start. */
@Singleton
public class RoomUnavailabilityChanges {

    private final EventService events;
    private final Unavailability.RoomUnavailabilityRepository roomOff;
    private final RoomRepository rooms;
    private final AuditLog audit;
    private final Clock clock;

    RoomUnavailabilityChanges(EventService events, Unavailability.RoomUnavailabilityRepository roomOff, RoomRepository rooms, AuditLog audit, Clock clock) {
        this.events = events;
        this.roomOff = roomOff;
        this.rooms = rooms;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Unavailability.OfRoom add(long eventId, OffCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = LimitWindows.window(c, "roomId");
        if (c.whoId() != null && rooms.findById(c.whoId()).filter(r -> r.venueId().equals(event.venueId())).isEmpty()) {
            v.add(Problem.field("roomId", "room_not_in_venue"));
        }
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.startsAt());
        Instant end = Times.fromParis(c.endsAt());
        LimitWindows.check(event, start, end, "startsAt", "endsAt", v);
        Unavailability.OfRoom saved = roomOff.save(new Unavailability.OfRoom(null, c.whoId(), start, end,
                LimitWindows.strip(c.reason()), clock.instant()));
        audit.record(actor, "room_unavailability.created", "room", c.whoId(), c.startsAt() + "-" + c.endsAt());
        return saved;
    }

    @Transactional
    public void delete(long eventId, long id, String actor) {
        Event event = events.get(eventId);
        Unavailability.OfRoom row = roomOff.findById(id)
                .filter(r -> rooms.findById(r.roomId()).map(Room::venueId).filter(v -> v.equals(event.venueId())).isPresent())
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        roomOff.delete(row);
        audit.record(actor, "room_unavailability.deleted", "room", row.roomId(), String.valueOf(row.startsAt()));
    }
}
