package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.support.Fixtures;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;

/**
 * The data every calendar test starts from: the 2026 edition with three sessions, a members-only online
 * meeting of the Maroc group (Méditerranée), a public hybrid meeting of the Japon group (Asie).
 */
@Singleton
class CalendarWorld {

    final Fixtures fixtures;
    final EventService events;
    final RegistrationRepository registrations;

    Person chair;
    Group maroc;
    Group japon;
    Venue venue;
    Room iena;
    Room eiffel;
    Event conference;
    Session opening;
    Session briefing;
    Session cafe;
    Event marocMeeting;
    Event japonMeeting;

    CalendarWorld(Fixtures fixtures, EventService events, RegistrationRepository registrations) {
        this.fixtures = fixtures;
        this.events = events;
        this.registrations = registrations;
    }

    CalendarWorld build() {
        var region = fixtures.dijon();
        chair = fixtures.person("François", "Bonneau", "Président de la Région Centre-Val de Loire", region);
        maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, chair);
        japon = fixtures.countryGroup("Groupe-pays Japon", Pole.ASIE, null);
        venue = fixtures.artsEtMetiers();
        iena = fixtures.room(venue, "Grand Salon Iéna", 450);
        eiffel = fixtures.room(venue, "Salon Eiffel", 150);
        conference = fixtures.conference(venue, EventStatus.PUBLISHED);
        opening = fixtures.session(conference, "Ouverture officielle", SessionKind.PLENARY,
                LocalDateTime.parse("2026-07-08T09:00"), 90, iena, chair);
        briefing = fixtures.session(conference, "Point Maroc", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, chair);
        cafe = fixtures.session(conference, "Café des Rencontres", SessionKind.NETWORKING_CAFE,
                LocalDateTime.parse("2026-07-09T12:45"), 60, eiffel, null);
        marocMeeting = fixtures.onlineMeeting(maroc, "groupe-maroc-2026-05-18", LocalDateTime.parse("2026-05-18T16:00"),
                true);
        japonMeeting = events.create(new EventForm("Réunion du groupe-pays Japon", "groupe-japon-2026-06-04",
                EventKind.GROUP_MEETING, null, null, LocalDateTime.parse("2026-06-04T10:30"),
                LocalDateTime.parse("2026-06-04T12:00"), EventFormat.HYBRID, venue.id(), null,
                "https://visio.example.org/secret-japon", false, japon.id(), null, null, null, EventStatus.PUBLISHED),
                "test");
        return this;
    }

    Event change(Event event, UnaryOperator<EventForm> change) {
        return events.update(event.id(), change.apply(EventForm.of(events.get(event.id()))), "test");
    }

    static EventForm withStatus(EventForm f, EventStatus status) {
        return new EventForm(f.title(), f.slug(), f.kind(), f.summary(), f.series(), f.startsAt(), f.endsAt(),
                f.format(), f.venueId(), f.locationNote(), f.onlineLink(), f.membersOnly(), f.groupId(), f.capacity(),
                f.registrationOpensAt(), f.registrationClosesAt(), status);
    }

    static EventForm movedTo(EventForm f, LocalDateTime start) {
        return new EventForm(f.title(), f.slug(), f.kind(), f.summary(), f.series(), start,
                start.plus(java.time.Duration.between(f.startsAt(), f.endsAt())), f.format(), f.venueId(),
                f.locationNote(), f.onlineLink(), f.membersOnly(), f.groupId(), f.capacity(),
                f.registrationOpensAt(), f.registrationClosesAt(), f.status());
    }

    Registration register(Person person, Event event, RegistrationStatus status) {
        Instant now = Instant.now();
        return registrations.save(new Registration(null, event.id(), person.id(), person.organisationId(),
                ParticipantType.ELECTED_OFFICIAL, status, null, 0, 1, now, now, null));
    }

    String uid(Session s) {
        return "session-" + s.id() + "@localhost";
    }

    String uid(Event e) {
        return "event-" + e.id() + "@localhost";
    }
}
