package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.schedule.ScheduleBlock;
import fr.cuf.rencontres.schedule.BlockChanges;
import fr.cuf.rencontres.schedule.PersonUnavailabilityChanges;
import fr.cuf.rencontres.schedule.RoomUnavailabilityChanges;
import fr.cuf.rencontres.schedule.TimetableLimits;
import fr.cuf.rencontres.schedule.TimetableLimits.BlockCommand;
import fr.cuf.rencontres.schedule.TimetableLimits.OffCommand;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.web.ShowsTextProblems;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the timetable must respect, per event: briefing blocks and plenary slots, when people and rooms are
 * unavailable. Three small forms on one page (their fields prefixed block…, person…, room…) and delete buttons.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events/{slug}/timetable/constraints")
@Secured({"ADMIN", "PROGRAMME"})
class TimetableConstraintsController {

    private static final String VIEW = "staff/timetable-constraints";

    private final EventService events;
    private final TimetableLimits constraints;
    private final BlockChanges blocks;
    private final PersonUnavailabilityChanges personOff;
    private final RoomUnavailabilityChanges roomOff;
    private final FormPages forms;

    TimetableConstraintsController(EventService events, TimetableLimits constraints, BlockChanges blocks,
                                   PersonUnavailabilityChanges personOff, RoomUnavailabilityChanges roomOff,
                                   FormPages forms) {
        this.events = events;
        this.constraints = constraints;
        this.blocks = blocks;
        this.personOff = personOff;
        this.roomOff = roomOff;
        this.forms = forms;
    }

    @Serdeable
    @Introspected
    record BlockInput(@Nullable String blockKind, @Nullable String blockDay, @Nullable String blockStart,
                      @Nullable String blockEnd) {
        BlockCommand command() {
            Parse p = new Parse();
            LocalDate day = null;
            if (!Parse.blank(blockDay)) {
                try {
                    day = LocalDate.parse(blockDay.strip());
                } catch (DateTimeParseException e) {
                    throw DomainException.invalid("day", "invalid_value");
                }
            }
            BlockCommand c = new BlockCommand(p.choice("kind", blockKind, ScheduleBlock.Kind.class), day,
                    p.time("start", blockStart), p.time("end", blockEnd));
            p.throwIfInvalid();
            return c;
        }
    }

    @Serdeable
    @Introspected
    record PersonInput(@Nullable String personId, @Nullable String personStartsAt, @Nullable String personEndsAt,
                       @Nullable String personReason) {
        OffCommand command() {
            Parse p = new Parse();
            OffCommand c = new OffCommand(p.id("personId", personId), p.dateTime("startsAt", personStartsAt),
                    p.dateTime("endsAt", personEndsAt), personReason);
            p.throwIfInvalid();
            return c;
        }
    }

    @Serdeable
    @Introspected
    record RoomInput(@Nullable String roomId, @Nullable String roomStartsAt, @Nullable String roomEndsAt,
                     @Nullable String roomReason) {
        OffCommand command() {
            Parse p = new Parse();
            OffCommand c = new OffCommand(p.id("roomId", roomId), p.dateTime("startsAt", roomStartsAt),
                    p.dateTime("endsAt", roomEndsAt), roomReason);
            p.throwIfInvalid();
            return c;
        }
    }

    @Get
    @View(VIEW)
    Map<String, Object> page(@PathVariable String slug) {
        return model(events.bySlug(slug), Map.of());
    }

    @ShowsTextProblems
    @Post("/blocks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addBlock(@PathVariable String slug, @Body BlockInput input, Authentication user,
                             HttpRequest<?> request) {
        Event event = events.bySlug(slug);
        return forms.submit(request, FieldPrefix.prefixed("block",
                        () -> blocks.add(event.id(), input.command(), user.getName())),
                saved -> back(slug), VIEW, () -> model(event, Map.of("block", input)));
    }

    @ShowsTextProblems
    @Post("/people")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addPerson(@PathVariable String slug, @Body PersonInput input, Authentication user,
                              HttpRequest<?> request) {
        Event event = events.bySlug(slug);
        return forms.submit(request, FieldPrefix.prefixed("person",
                        () -> personOff.add(event.id(), input.command(), user.getName())),
                saved -> back(slug), VIEW, () -> model(event, Map.of("person", input)));
    }

    @ShowsTextProblems
    @Post("/rooms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addRoom(@PathVariable String slug, @Body RoomInput input, Authentication user,
                            HttpRequest<?> request) {
        Event event = events.bySlug(slug);
        return forms.submit(request, FieldPrefix.prefixed("room",
                        () -> roomOff.add(event.id(), input.command(), user.getName())),
                saved -> back(slug), VIEW, () -> model(event, Map.of("room", input)));
    }

    @Post("/blocks/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteBlock(@PathVariable String slug, @PathVariable long id, Authentication user) {
        blocks.delete(events.bySlug(slug).id(), id, user.getName());
        return FormPages.seeOther(back(slug));
    }

    @Post("/people/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deletePerson(@PathVariable String slug, @PathVariable long id, Authentication user) {
        personOff.delete(events.bySlug(slug).id(), id, user.getName());
        return FormPages.seeOther(back(slug));
    }

    @Post("/rooms/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteRoom(@PathVariable String slug, @PathVariable long id, Authentication user) {
        roomOff.delete(events.bySlug(slug).id(), id, user.getName());
        return FormPages.seeOther(back(slug));
    }

    private Map<String, Object> model(Event event, Map<String, Object> typed) {
        TimetableLimits.Overview o = constraints.of(event);
        Map<String, Object> model = new HashMap<>(typed);
        model.put("event", event);
        model.put("overview", o);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = o.firstDay(); !d.isAfter(o.lastDay()); d = d.plusDays(1)) {
            days.add(d);
        }
        model.put("days", days);
        model.put("kinds", ScheduleBlock.Kind.values());
        return model;
    }

    private static String back(String slug) {
        return "/staff/events/" + slug + "/timetable/constraints";
    }
}
