package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.support.Fixtures;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.time.LocalTime;

/** A small Rencontres: a venue open 08:00–20:00 with three rooms, a two-day conference, two people. */
@Singleton
public class ScheduleFixtures {

    private final Fixtures fixtures;
    private final VenueService venues;
    private final SessionRepository sessions;

    ScheduleFixtures(Fixtures fixtures, VenueService venues, SessionRepository sessions) {
        this.fixtures = fixtures;
        this.venues = venues;
        this.sessions = sessions;
    }

    public record Small(Venue venue, Room iena, Room kleber, Room monge, Event event, Person katja, Person benoit) {
    }

    public Small small() {
        Venue venue = venues.create(new VenueForm("Salons de l'Hôtel des Arts et Métiers", "9 bis avenue d'Iéna",
                "75116", "Paris", "FR", LocalTime.of(8, 0), LocalTime.of(20, 0)), "test");
        Room iena = venues.addRoom(venue.id(), new RoomForm("Grand Salon Iéna", 450, true, true, true, false), "test");
        Room kleber = venues.addRoom(venue.id(), new RoomForm("Salon Kléber", 80, false, true, false, false), "test");
        Room monge = venues.addRoom(venue.id(), new RoomForm("Salon Monge", 30, false, false, false, false), "test");
        Event event = fixtures.conference(venue, EventStatus.PUBLISHED);
        Person katja = fixtures.person("Katja", "Krüger", "Conseillère régionale", null);
        Person benoit = fixtures.person("Benoît", "Pilet", "Maire adjoint", null);
        return new Small(venue, iena, kleber, monge, event, katja, benoit);
    }

    public Session session(Small s, String title, String start, int minutes, Room room, Person chair) {
        if (start == null) {
            java.time.Instant now = java.time.Instant.now();
            return sessions.save(new Session(null, s.event().id(), title, null, SessionKind.WORKSHOP, null, null, null,
                    chair == null ? null : chair.id(), false, null, 50, "fr", now, now, null, false, false, minutes,
                    SessionStatus.ACTIVE));
        }
        return fixtures.session(s.event(), title, SessionKind.WORKSHOP, LocalDateTime.parse(start), minutes, room, chair);
    }
}
