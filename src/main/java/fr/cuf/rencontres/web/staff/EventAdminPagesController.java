package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.MeetingChanges;
import fr.cuf.rencontres.event.MeetingConflicts;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.web.ShowsTextProblems;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event, drafts included, newest first. Admins and programme staff write. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/events")
@Secured(Role.STAFF)
class EventAdminPagesController {

    private static final String FORM = "staff/event-form";

    private final EventService service;
    private final EventRepository events;
    private final VenueRepository venues;
    private final GroupRepository groups;
    private final RoomRepository rooms;
    private final MeetingChanges meetings;
    private final MeetingConflicts conflicts;
    private final FormPages forms;

    EventAdminPagesController(EventService service, EventRepository events, VenueRepository venues,
                         GroupRepository groups, RoomRepository rooms, MeetingChanges meetings,
                         MeetingConflicts conflicts, FormPages forms) {
        this.service = service;
        this.events = events;
        this.venues = venues;
        this.groups = groups;
        this.rooms = rooms;
        this.meetings = meetings;
        this.conflicts = conflicts;
        this.forms = forms;
    }

    @Get
    @View("staff/events")
    Map<String, Object> list(@Nullable @QueryValue Long saved) {
        Map<Long, Group> groupsById = groups.findAll().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<Long, Venue> venuesById = venues.findAll().stream().collect(Collectors.toMap(Venue::id, Function.identity()));
        List<Map<String, Object>> rows = events.findAllOrderByStartsAtDesc().stream().map(e -> {
            Map<String, Object> row = new HashMap<>();
            row.put("event", e);
            if (e.groupId() != null && groupsById.containsKey(e.groupId())) {
                row.put("group", groupsById.get(e.groupId()));
            }
            if (e.venueId() != null && venuesById.containsKey(e.venueId())) {
                row.put("venue", venuesById.get(e.venueId()));
            }
            return row;
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        if (saved != null) {
            events.findById(saved).ifPresent(e -> model.put("saved", e));
        }
        return model;
    }

    @Get("/new")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> newForm(HttpRequest<?> request) {
        return formModel(request, null, EventInput.blank());
    }

    @ShowsTextProblems
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> create(@Body EventInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> service.create(input.toForm(), input.confirmed(), user.getName()),
                saved -> "/staff/events?saved=" + saved.id(), FORM, () -> formModel(request, null, input));
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> edit(HttpRequest<?> request, @PathVariable long id) {
        Event event = service.get(id);
        return formModel(request, event, EventInput.of(EventForm.of(event)));
    }

    @ShowsTextProblems
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> update(@PathVariable long id, @Body EventInput input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, () -> service.update(id, input.toForm(), input.confirmed(), user.getName()),
                saved -> "/staff/events?saved=" + id, FORM, () -> formModel(request, service.get(id), input));
    }

    /** Moves a meeting (date, times, format, room) with a reason: audited, registrants told, feeds updated. */
    @ShowsTextProblems
    @Post("/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> move(@PathVariable long id, @Body MeetingInputs.Move input, Authentication user,
                         HttpRequest<?> request) {
        return forms.submit(request, FieldPrefix.prefixed("move",
                        () -> meetings.move(id, input.toCommand(), user.getName())),
                saved -> "/staff/events/" + id + "/edit", FORM, () -> {
                    Event event = service.get(id);
                    Map<String, Object> model = formModel(request, event, EventInput.of(EventForm.of(event)));
                    model.put("move", input);
                    return model;
                });
    }

    /** Cancels a meeting with a reason (required): shown on the public pages and in the feeds, mailed. */
    @ShowsTextProblems
    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> cancel(@PathVariable long id, @Body MeetingInputs.Cancel input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, FieldPrefix.prefixed("cancel",
                        () -> meetings.cancel(id, input.cancelReason(), user.getName())),
                saved -> "/staff/events/" + id + "/edit", FORM, () -> {
                    Event event = service.get(id);
                    Map<String, Object> model = formModel(request, event, EventInput.of(EventForm.of(event)));
                    model.put("cancel", input);
                    return model;
                });
    }

    private Map<String, Object> formModel(HttpRequest<?> request, @Nullable Event event, EventInput input) {
        Map<String, Object> model = new HashMap<>();
        if (event != null) {
            model.put("event", event);
            if (event.kind() != EventKind.CONFERENCE_EDITION) {
                model.put("meeting", true);
                model.put("move", MeetingInputs.Move.of(event));
                if (event.roomId() != null) {
                    rooms.findById(event.roomId()).ifPresent(r -> model.put("room", r));
                }
                MeetingConflicts.Found found = conflicts.find(event);
                if (!found.isEmpty()) {
                    model.put("currentConflicts", forms.errors(request, found.all()).get("errorList"));
                }
            }
        }
        model.put("form", input);
        model.put("kinds", EventKind.values());
        model.put("formats", EventFormat.values());
        model.put("statuses", EventStatus.values());
        List<Venue> allVenues = venues.findAllOrderByName();
        model.put("venues", allVenues);
        Map<Long, List<Room>> roomsByVenue = rooms.findAll().stream().collect(Collectors.groupingBy(Room::venueId));
        model.put("roomsByVenue", allVenues.stream().filter(v -> roomsByVenue.containsKey(v.id()))
                .map(v -> Map.of("venue", v, "rooms", roomsByVenue.get(v.id()).stream()
                        .sorted(java.util.Comparator.comparing(Room::name)).toList())).toList());
        if (event != null && event.venueId() != null) {
            model.put("venueRooms", roomsByVenue.getOrDefault(event.venueId(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Room::name)).toList());
        }
        model.put("groups", groups.findAllOrderByName());
        return model;
    }
}
