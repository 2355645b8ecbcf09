package fr.cuf.rencontres.event;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.Countries;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Venues and their rooms. */
@Singleton
public class VenueService {

    private final VenueRepository venues;
    private final RoomRepository rooms;
    private final AuditLog audit;
    private final Clock clock;

    VenueService(VenueRepository venues, RoomRepository rooms, AuditLog audit, Clock clock) {
        this.venues = venues;
        this.rooms = rooms;
        this.audit = audit;
        this.clock = clock;
    }

    public Venue get(long id) {
        return venues.findById(id).orElseThrow(() -> DomainException.notFound("venue_not_found"));
    }

    public Room room(long id) {
        return rooms.findById(id).orElseThrow(() -> DomainException.notFound("room_not_found"));
    }

    @Transactional
    public Venue create(VenueForm form, String actor) {
        VenueForm f = validate(form);
        Instant now = clock.instant();
        Venue saved = venues.save(new Venue(null, f.name(), f.addressLine(), f.postalCode(), f.city(), f.country(),
                f.openingTime(), f.closingTime(), now, now, null));
        audit.record(actor, "venue.created", "venue", saved.id(), saved.name());
        return saved;
    }

    @Transactional
    public Venue update(long id, VenueForm form, String actor) {
        Venue current = get(id);
        VenueForm f = validate(form);
        Venue saved = venues.update(new Venue(id, f.name(), f.addressLine(), f.postalCode(), f.city(), f.country(),
                f.openingTime(), f.closingTime(), current.createdAt(), clock.instant(), current.version()));
        audit.record(actor, "venue.updated", "venue", id, saved.name());
        return saved;
    }

    @Transactional
    public Room addRoom(long venueId, RoomForm form, String actor) {
        get(venueId);
        RoomForm f = validateRoom(form);
        if (rooms.existsByVenueIdAndName(venueId, f.name())) {
            throw DomainException.conflict("name", "room_name_taken");
        }
        Instant now = clock.instant();
        Room saved = rooms.save(new Room(null, venueId, f.name(), f.capacity(), yes(f.interpretationBooths()),
                yes(f.videoLink()), yes(f.stage()), yes(f.b2bTables()), now, now, null));
        audit.record(actor, "room.created", "room", saved.id(), saved.name());
        return saved;
    }

    @Transactional
    public Room updateRoom(long roomId, RoomForm form, String actor) {
        Room current = room(roomId);
        RoomForm f = validateRoom(form);
        if (!current.name().equals(f.name()) && rooms.existsByVenueIdAndName(current.venueId(), f.name())) {
            throw DomainException.conflict("name", "room_name_taken");
        }
        Room saved = rooms.update(new Room(roomId, current.venueId(), f.name(), f.capacity(),
                yes(f.interpretationBooths()), yes(f.videoLink()), yes(f.stage()), yes(f.b2bTables()),
                current.createdAt(), clock.instant(), current.version()));
        audit.record(actor, "room.updated", "room", roomId, saved.name());
        return saved;
    }

    private static VenueForm validate(VenueForm form) {
        String country = strip(form.country()) == null ? "FR" : strip(form.country()).toUpperCase(Locale.ROOT);
        Validator v = new Validator()
                .required("name", strip(form.name())).maxLength("name", strip(form.name()), 200)
                .required("city", strip(form.city()))
                .check("country", country, Countries::isValid, "invalid_country");
        if (form.openingTime() != null && form.closingTime() != null && !form.closingTime().isAfter(form.openingTime())) {
            v.add(Problem.field("closingTime", "closing_before_opening"));
        }
        v.throwIfInvalid();
        return new VenueForm(strip(form.name()), strip(form.addressLine()), strip(form.postalCode()),
                strip(form.city()), country, form.openingTime(), form.closingTime());
    }

    private static RoomForm validateRoom(RoomForm form) {
        new Validator()
                .required("name", strip(form.name())).maxLength("name", strip(form.name()), 120)
                .required("capacity", form.capacity())
                .positive("capacity", form.capacity())
                .throwIfInvalid();
        return new RoomForm(strip(form.name()), form.capacity(), form.interpretationBooths(), form.videoLink(),
                form.stage(), form.b2bTables());
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
