package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Fixtures;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;

/** The data the API tests read: the 2026 edition with two sessions, the Maroc group and its online meeting. */
@Singleton
class ApiData {

    private final Fixtures fixtures;
    private final SessionRepository sessions;
    private final EventService events;

    Organisation region;
    Person chair;
    Person speaker;
    Group maroc;
    Room iena;
    Event conference;
    Event marocMeeting;
    Session opening;

    ApiData(Fixtures fixtures, SessionRepository sessions, EventService events) {
        this.fixtures = fixtures;
        this.sessions = sessions;
        this.events = events;
    }

    void load() {
        region = fixtures.dijon();
        chair = fixtures.person("François", "Bonneau", "Président de la Région Centre-Val de Loire", region);
        speaker = fixtures.person("Awa", "Diallo", "Adjointe au maire déléguée aux relations internationales", region);
        maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, chair);
        Venue venue = fixtures.artsEtMetiers();
        iena = fixtures.room(venue, "Grand Salon Iéna", 450);
        Room eiffel = fixtures.room(venue, "Salon Eiffel", 150);
        conference = fixtures.conference(venue, EventStatus.PUBLISHED);
        opening = fixtures.session(conference, "Ouverture officielle", SessionKind.PLENARY,
                LocalDateTime.parse("2026-07-08T09:00"), 90, iena, chair);
        sessions.addSpeaker(opening.id(), speaker.id(), 1);
        Session point = fixtures.session(conference, "Point Maroc", SessionKind.COUNTRY_BRIEFING,
                LocalDateTime.parse("2026-07-08T14:30"), 90, eiffel, chair);
        sessions.addGroup(point.id(), maroc.id());
        marocMeeting = fixtures.onlineMeeting(maroc, "groupe-maroc-2026-05-18",
                LocalDateTime.parse("2026-05-18T16:00"), true);
    }

    /** A published online meeting of the Maroc group at {@code startsAt} (Paris). */
    Event meeting(String slug, LocalDateTime startsAt) {
        return fixtures.onlineMeeting(maroc, slug, startsAt, true);
    }

    Event draft(String slug) {
        Event e = fixtures.onlineMeeting(maroc, slug, LocalDateTime.parse("2026-06-01T10:00"), false);
        EventForm f = EventForm.of(e);
        return events.update(e.id(), new EventForm(f.title(), f.slug(), f.kind(), f.summary(), f.series(),
                f.startsAt(), f.endsAt(), f.format(), f.venueId(), f.locationNote(), f.onlineLink(), f.membersOnly(),
                f.groupId(), f.capacity(), f.registrationOpensAt(), f.registrationClosesAt(), EventStatus.DRAFT), "test");
    }
}
