package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Events, sessions, organisations and requests for registration tests (time pinned to 1 May 2026). */
@Singleton
class RegistrationFixtures {

    private final Fixtures fixtures;
    private final EventService events;
    private final SessionRepository sessions;
    private final OrganisationService organisations;
    private final PriceCategoryRepository categories;

    RegistrationFixtures(Fixtures fixtures, EventService events, SessionRepository sessions,
                         OrganisationService organisations, PriceCategoryRepository categories) {
        this.fixtures = fixtures;
        this.events = events;
        this.sessions = sessions;
        this.organisations = organisations;
        this.categories = categories;
    }

    Venue venue() {
        return fixtures.artsEtMetiers();
    }

    Event conference(Venue venue, String slug, Integer capacity, boolean membersOnly, LocalDateTime opens) {
        return events.create(new EventForm("17es Rencontres de l'AICT", slug, EventKind.CONFERENCE_EDITION, null, null,
                LocalDateTime.parse("2026-07-08T09:00"), LocalDateTime.parse("2026-07-09T18:30"), EventFormat.IN_PERSON,
                venue.id(), null, null, membersOnly, null, capacity, opens, LocalDateTime.parse("2026-07-03T23:59"),
                EventStatus.PUBLISHED), "test");
    }

    Event conference(Venue venue, Integer capacity) {
        return conference(venue, "rencontres-2026", capacity, false, LocalDateTime.parse("2026-04-15T09:00"));
    }

    Session session(Event event, String title, LocalDateTime start, Room room, Integer capacity, boolean membersOnly) {
        Instant now = Instant.now();
        return sessions.save(new Session(null, event.id(), title, null, SessionKind.WORKSHOP, Times.fromParis(start),
                Times.fromParis(start.plusMinutes(90)), room == null ? null : room.id(), null, membersOnly, capacity,
                null, "fr", now, now, null));
    }

    Room room(Venue venue, String name, int capacity) {
        return fixtures.room(venue, name, capacity);
    }

    Organisation member() {
        return fixtures.dijon();
    }

    Organisation nonMember() {
        return organisations.create(new OrganisationForm("Ville de Lyon", OrganisationKind.COMMUNE, "FR", "216901231",
                null, null, "69001", "Lyon"), "test");
    }

    Organisation foreign() {
        return organisations.create(new OrganisationForm("Commune de Dakar Plateau", OrganisationKind.FOREIGN_LOCAL_AUTHORITY,
                "SN", null, null, null, null, "Dakar"), "test");
    }

    void prices(Event event) {
        Instant now = Instant.now();
        category(event, "member", PriceRule.MEMBER, 0, now);
        category(event, "non-member", PriceRule.NON_MEMBER, 12000, now);
        category(event, "foreign", PriceRule.FOREIGN, 0, now);
        category(event, "speaker", PriceRule.SPEAKER, 0, now);
    }

    private void category(Event event, String code, PriceRule rule, int cents, Instant now) {
        categories.save(new PriceCategory(null, event.id(), code, code + " (fr)", code + " (en)", rule, cents,
                rule.ordinal(), now, now));
    }

    static RegistrationRequest request(String first, String email, Organisation organisation, List<Long> sessionIds,
                                       boolean waitingList) {
        return RegistrationRequest.builder().name(first, "Martin").functionTitle("Chargée de mission")
                .email(email).organisationId(organisation == null ? null : organisation.id())
                .organisationName(organisation == null ? "Nouvelle association" : null)
                .participantType(ParticipantType.OFFICER).consent(true).sessionIds(sessionIds)
                .waitingList(waitingList).locale("fr").build();
    }
}
