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

/** Adds and deletes an event's briefing blocks and plenary slots: within the event's days, end after start. */
@Singleton
public class BlockChanges {

    private final EventService events;
    private final ScheduleBlockRepository blocks;
    private final AuditLog audit;
    private final Clock clock;

    BlockChanges(EventService events, ScheduleBlockRepository blocks, AuditLog audit, Clock clock) {
        this.events = events;
        this.blocks = blocks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ScheduleBlock add(long eventId, BlockCommand c, String actor) {
        Event event = events.get(eventId);
        Validator v = new Validator().required("kind", c.kind()).required("day", c.day())
                .required("start", c.start()).required("end", c.end());
        v.throwIfInvalid();
        Instant start = Times.fromParis(c.day().atTime(c.start()));
        Instant end = Times.fromParis(c.day().atTime(c.end()));
        LimitWindows.check(event, start, end, "day", "end", v);
        ScheduleBlock saved = blocks.save(new ScheduleBlock(null, eventId, c.kind(), start, end, clock.instant()));
        audit.record(actor, "schedule_block.created", "event", eventId, c.kind() + " " + c.day() + " " + c.start()
                + "-" + c.end());
        return saved;
    }

    @Transactional
    public void delete(long eventId, long blockId, String actor) {
        ScheduleBlock b = blocks.findById(blockId).filter(x -> x.eventId().equals(eventId))
                .orElseThrow(() -> DomainException.notFound("constraint_not_found"));
        blocks.delete(b);
        audit.record(actor, "schedule_block.deleted", "event", eventId, b.kind() + " " + b.startsAt());
    }
}
