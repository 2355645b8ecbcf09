package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.event.VenueService;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Map;

/** Venues and their rooms (capacity, equipment). Admins and programme staff write. */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/venues")
@Secured(Role.STAFF)
class VenuePagesController {

    private static final String FORM = "staff/venue-form";
    private static final String DETAIL = "staff/venue";
    private static final String ROOM_FORM = "staff/room-form";

    private final VenueService service;
    private final VenueRepository venues;
    private final RoomRepository rooms;
    private final FormPages forms;

    VenuePagesController(VenueService service, VenueRepository venues, RoomRepository rooms, FormPages forms) {
        this.service = service;
        this.venues = venues;
        this.rooms = rooms;
        this.forms = forms;
    }

    @Get
    @View("staff/venues")
    Map<String, Object> list() {
        return Map.of("rows", venues.findAllOrderByName().stream().map(v -> Map.<String, Object>of(
                "venue", v, "rooms", rooms.findByVenueIdOrderByCapacityDesc(v.id()).size())).toList());
    }

    @Get("/new")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> newForm() {
        return formModel(null, VenueInput.blank());
    }

    @ShowsTextProblems
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> create(@Body VenueInput input, Authentication user, HttpRequest<?> request) {
        return forms.submit(request, () -> service.create(input.toForm(), user.getName()),
                saved -> "/staff/venues/" + saved.id(), FORM, () -> formModel(null, input));
    }

    @Get("/{id}")
    @View(DETAIL)
    Map<String, Object> show(@PathVariable long id) {
        return detailModel(id, RoomInput.blank());
    }

    @Get("/{id}/edit")
    @View(FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> edit(@PathVariable long id) {
        Venue venue = service.get(id);
        return formModel(venue, VenueInput.of(VenueForm.of(venue)));
    }

    @ShowsTextProblems
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> update(@PathVariable long id, @Body VenueInput input, Authentication user,
                           HttpRequest<?> request) {
        return forms.submit(request, () -> service.update(id, input.toForm(), user.getName()),
                saved -> "/staff/venues/" + id, FORM, () -> formModel(service.get(id), input));
    }

    @ShowsTextProblems
    @Post("/{id}/rooms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> addRoom(@PathVariable long id, @Body RoomInput input, Authentication user,
                            HttpRequest<?> request) {
        return forms.submit(request, () -> service.addRoom(id, input.toForm(), user.getName()),
                saved -> "/staff/venues/" + id, DETAIL, () -> detailModel(id, input));
    }

    @Get("/rooms/{roomId}/edit")
    @View(ROOM_FORM)
    @Secured({"ADMIN", "PROGRAMME"})
    Map<String, Object> editRoom(@PathVariable long roomId) {
        Room room = service.room(roomId);
        return roomModel(room, RoomInput.of(RoomForm.of(room)));
    }

    @ShowsTextProblems
    @Post("/rooms/{roomId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({"ADMIN", "PROGRAMME"})
    HttpResponse<?> updateRoom(@PathVariable long roomId, @Body RoomInput input, Authentication user,
                               HttpRequest<?> request) {
        return forms.submit(request, () -> service.updateRoom(roomId, input.toForm(), user.getName()),
                saved -> "/staff/venues/" + saved.venueId(), ROOM_FORM,
                () -> roomModel(service.room(roomId), input));
    }

    private Map<String, Object> detailModel(long id, RoomInput roomInput) {
        Map<String, Object> model = new HashMap<>();
        model.put("venue", service.get(id));
        model.put("rooms", rooms.findByVenueIdOrderByCapacityDesc(id));
        model.put("form", roomInput);
        return model;
    }

    private Map<String, Object> roomModel(Room room, RoomInput input) {
        Map<String, Object> model = new HashMap<>();
        model.put("room", room);
        model.put("venue", service.get(room.venueId()));
        model.put("form", input);
        return model;
    }

    private static Map<String, Object> formModel(@Nullable Venue venue, VenueInput input) {
        Map<String, Object> model = new HashMap<>();
        if (venue != null) {
            model.put("venue", venue);
        }
        model.put("form", input);
        return model;
    }
}
