package fr.cuf.rencontres.support;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueService;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.staff.StaffDirectory;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;

/** Builds test data through the real services; every test starts from {@link TestDatabase#clean}. */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "secret-pass-2026";

    private final OrganisationService organisations;
    private final PersonRepository persons;
    private final GroupService groups;
    private final VenueService venues;
    private final EventService events;
    private final SessionRepository sessions;
    private final StaffDirectory staff;

    Fixtures(OrganisationService organisations, PersonRepository persons, GroupService groups, VenueService venues,
             EventService events, SessionRepository sessions, StaffDirectory staff) {
        this.organisations = organisations;
        this.persons = persons;
        this.groups = groups;
        this.venues = venues;
        this.events = events;
        this.sessions = sessions;
        this.staff = staff;
    }

    /** Dijon, a member authority in 2026 (its SIREN has a valid check digit). */
    public Organisation dijon() {
        Organisation o = organisations.create(new OrganisationForm("Ville de Dijon", OrganisationKind.COMMUNE, "FR",
                "212123111", "21231", "Place de la Libération", "21000", "Dijon"), "test");
        organisations.addMembership(o.id(), 2026, "test");
        return o;
    }

    public Person person(String first, String last, String function, Organisation organisation) {
        Instant now = Instant.now();
        return persons.save(new Person(null, first, last, function, null, null,
                organisation == null ? null : organisation.id(), true, now, now, null));
    }

    public Group countryGroup(String name, Pole pole, Person chair) {
        return groups.create(new GroupForm(name, null, GroupKind.COUNTRY, pole, chair == null ? null : chair.id(),
                "Réunit les collectivités engagées.", false), "test");
    }

    public Venue artsEtMetiers() {
        return venues.create(new VenueForm("Salons de l'Hôtel des Arts et Métiers", "9 bis avenue d'Iéna", "75116",
                "Paris", "FR", null, null), "test");
    }

    public Room room(Venue venue, String name, int capacity) {
        return venues.addRoom(venue.id(), new RoomForm(name, capacity, true, true, false, false), "test");
    }

    public Event conference(Venue venue, EventStatus status) {
        return events.create(new EventForm("17es Rencontres de l'AICT", "rencontres-2026", EventKind.CONFERENCE_EDITION,
                "Deux journées de débats.", null, LocalDateTime.parse("2026-07-08T09:00"),
                LocalDateTime.parse("2026-07-09T18:30"), EventFormat.IN_PERSON, venue.id(), null, null, false, null,
                600, LocalDateTime.parse("2026-04-15T09:00"), LocalDateTime.parse("2026-07-03T23:59"), status), "test");
    }

    public Event onlineMeeting(Group group, String slug, LocalDateTime start, boolean membersOnly) {
        return events.create(new EventForm("Réunion du groupe " + group.name(), slug, EventKind.GROUP_MEETING, null,
                null, start, start.plusHours(1), EventFormat.ONLINE, null, null,
                "https://visio.example.org/secret-" + slug, membersOnly, group.id(), null, null, null,
                EventStatus.PUBLISHED), "test");
    }

    public Session session(Event event, String title, SessionKind kind, LocalDateTime start, int minutes, Room room,
                           Person chair) {
        Instant now = Instant.now();
        return sessions.save(new Session(null, event.id(), title, null, kind, Times.fromParis(start),
                Times.fromParis(start.plusMinutes(minutes)), room == null ? null : room.id(),
                chair == null ? null : chair.id(), false, null, 50, "fr", now, now, null));
    }

    public void staff(String username, Role role) {
        staff.create(username, "Test " + username, PASSWORD, EnumSet.of(role));
    }
}
