package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Fixtures;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The 17th Rencontres (8–9 July 2026) with two rooms, an opening plenary, a members-only workshop
 * and a country briefing (same day, afternoon) that people sign up for; registrations are saved as the registration feature
 * would save them.
 */
@Singleton
public class BadgeFixtures {

    private final Fixtures fixtures;
    private final RegistrationRepository registrations;
    private final OrganisationService organisations;
    private final SessionRepository sessions;
    private final fr.cuf.rencontres.event.EventService events;

    BadgeFixtures(Fixtures fixtures, RegistrationRepository registrations, OrganisationService organisations,
                  SessionRepository sessions, fr.cuf.rencontres.event.EventService events) {
        this.events = events;
        this.fixtures = fixtures;
        this.registrations = registrations;
        this.organisations = organisations;
        this.sessions = sessions;
    }

    public record Conference(Event event, Room iena, Room eiffel, Session opening, Session climateWorkshop,
                             Session senegalBriefing, Organisation dijon, Organisation foreign) {
    }

    public Conference conference() {
        Venue venue = fixtures.artsEtMetiers();
        Room iena = fixtures.room(venue, "Grand Salon Iéna", 450);
        Room eiffel = fixtures.room(venue, "Salon Eiffel", 3);
        Event event = fixtures.conference(venue, EventStatus.PUBLISHED);
        Session opening = fixtures.session(event, "Ouverture officielle", SessionKind.PLENARY,
                LocalDateTime.parse("2026-07-08T09:30"), 90, iena, null);
        Session workshop = fixtures.session(event, "Atelier Climat", SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T11:00"), 90, eiffel, null);
        workshop = sessions.update(new Session(workshop.id(), workshop.eventId(), workshop.title(), null,
                workshop.kind(), workshop.startsAt(), workshop.endsAt(), workshop.roomId(), null, true, null, 50,
                "fr", workshop.createdAt(), workshop.updatedAt(), workshop.version()));
        Session senegal = fixtures.session(event, "Point Sénégal", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, null);
        Organisation dijon = fixtures.dijon();
        Organisation foreign = organisations.create(new OrganisationForm("Commune de Saint-Louis",
                OrganisationKind.FOREIGN_LOCAL_AUTHORITY, "SN", null, null, null, null, "Saint-Louis"), "test");
        return new Conference(event, iena, eiffel, opening, workshop, senegal, dijon, foreign);
    }

    /** A second conference edition (another event, hence another key pair). */
    public Event conferenceWithSlug(String slug) {
        return events.create(new fr.cuf.rencontres.event.EventForm("18es Rencontres de l'AICT", slug,
                fr.cuf.rencontres.event.EventKind.CONFERENCE_EDITION, null, null,
                LocalDateTime.parse("2027-07-07T09:00"), LocalDateTime.parse("2027-07-08T18:00"),
                fr.cuf.rencontres.event.EventFormat.ONLINE, null, null, "https://visio.example.org/raict-2027", false, null, 600, null, null,
                EventStatus.PUBLISHED), "test");
    }

    public Registration register(Event event, Person person, Organisation organisation, ParticipantType type,
                                 RegistrationStatus status) {
        Instant now = Instant.now();
        return registrations.save(new Registration(null, event.id(), person.id(),
                organisation == null ? null : organisation.id(), type, status, null, 0, 1, now, now, null));
    }

    public Registration register(Event event, String first, String last, String function, Organisation organisation,
                                 ParticipantType type) {
        Person person = fixtures.person(first, last, function, organisation);
        return register(event, person, organisation, type, RegistrationStatus.CONFIRMED);
    }

    public void signUp(Registration registration, Session session) {
        registrations.addSession(registration.id(), session.id(), "CONFIRMED", Instant.now());
    }

    public Registration cancel(Registration r) {
        return registrations.update(new Registration(r.id(), r.eventId(), r.personId(), r.organisationId(),
                r.participantType(), RegistrationStatus.CANCELLED, r.priceCategory(), r.priceCents(), r.badgeVersion(),
                r.createdAt(), Instant.now(), r.version()));
    }
}
