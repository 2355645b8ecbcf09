package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.MeetingChanges;
import fr.cuf.rencontres.event.MoveCommand;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Programme staff move or cancel a meeting, with a reason (API token accepted). */
@Controller("/api/v1/events/{slug}")
@Secured({"ADMIN", "PROGRAMME"})
class MeetingApiController {

    private final EventService events;
    private final MeetingChanges meetings;

    MeetingApiController(EventService events, MeetingChanges meetings) {
        this.events = events;
        this.meetings = meetings;
    }

    /** Times are Paris local times; {@code confirmConflicts} keeps a slot where the chair has another commitment. */
    @Serdeable
    record MoveRequest(@Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable EventFormat format,
                       @Nullable Long roomId, @Nullable String reason, @Nullable Boolean confirmConflicts) {
    }

    @Serdeable
    record CancelRequest(@Nullable String reason) {
    }

    @Serdeable
    record MeetingJson(String slug, EventStatus status, OffsetDateTime start, OffsetDateTime end, EventFormat format,
                       @Nullable Long roomId, @Nullable String cancellationReason) {
        static MeetingJson of(Event e) {
            return new MeetingJson(e.slug(), e.status(), Times.paris(e.startsAt()).toOffsetDateTime(),
                    Times.paris(e.endsAt()).toOffsetDateTime(), e.format(), e.roomId(), e.cancellationReason());
        }
    }

    @Post("/move")
    MeetingJson move(@PathVariable String slug, @Body MoveRequest body, Authentication user) {
        return MeetingJson.of(meetings.move(events.bySlug(slug).id(), new MoveCommand(body.startsAt(), body.endsAt(),
                body.format(), body.roomId(), body.reason(), Boolean.TRUE.equals(body.confirmConflicts())),
                user.getName()));
    }

    @Post("/cancel")
    MeetingJson cancel(@PathVariable String slug, @Body CancelRequest body, Authentication user) {
        return MeetingJson.of(meetings.cancel(events.bySlug(slug).id(), body.reason(), user.getName()));
    }
}
