package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The door's rules, in the order staff read them: a reissued badge, another event, a cancelled
 * registration, the wrong day; then, on the way in only: members only, not signed up for the
 * session, already inside. A session that nobody signed up for (a plenary, a café) admits every
 * registrant of the event; a session with sign-ups admits those who signed up.
 */
@Singleton
class Admission {

    record Decision(Outcome outcome, long eventId, @Nullable Long sessionId, @Nullable Instant firstCheckinAt) {
    }

    private final EventRepository events;
    private final SessionRepository sessions;
    private final MembershipRepository memberships;
    private final CheckinQueries registrations;
    private final ScanLog scans;

    Admission(EventRepository events, SessionRepository sessions, MembershipRepository memberships,
              CheckinQueries registrations, ScanLog scans) {
        this.events = events;
        this.sessions = sessions;
        this.memberships = memberships;
        this.registrations = registrations;
        this.scans = scans;
    }

    /** Called with the registration row locked, so that two scanners of one badge take turns. */
    Decision decide(Registration registration, @Nullable Integer codeVersion, CheckinList list, ScanMode mode,
                    @Nullable Long expectedEventId, Instant at) {
        long eventId = registration.eventId();
        Session session = list.kind() == CheckinList.Kind.SESSION
                ? sessions.findById(list.sessionId()).orElseThrow(() -> DomainException.notFound("session_not_found"))
                : null;
        Long sessionId = session == null ? null : session.id();
        if (codeVersion != null && codeVersion != registration.badgeVersion()) {
            Outcome outcome = codeVersion < registration.badgeVersion() ? Outcome.SUPERSEDED_BADGE : Outcome.INVALID_CODE;
            return new Decision(outcome, eventId, sessionId, null);
        }
        if ((expectedEventId != null && expectedEventId != eventId) || (session != null && session.eventId() != eventId)) {
            return new Decision(Outcome.WRONG_EVENT, eventId, sessionId, null);
        }
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return new Decision(Outcome.CANCELLED, eventId, sessionId, null);
        }
        Event event = events.findById(eventId).orElseThrow();
        if (!rightDay(event, session, list, at)) {
            return new Decision(Outcome.WRONG_DAY, eventId, sessionId, null);
        }
        if (mode == ScanMode.EXIT) {
            return new Decision(Outcome.OK, eventId, sessionId, scans.findFirstEntry(registration.id(), list.key()));
        }
        if (!registration.status().holdsSeat()) {
            return new Decision(Outcome.NOT_REGISTERED_FOR_SESSION, eventId, sessionId, null);
        }
        if ((event.membersOnly() || (session != null && session.membersOnly())) && !member(registration, event)) {
            return new Decision(Outcome.MEMBERS_ONLY, eventId, sessionId, null);
        }
        if (session != null && registrations.countSignUps(session.id()) > 0
                && registrations.countSignUp(session.id(), registration.id()) == 0) {
            return new Decision(Outcome.NOT_REGISTERED_FOR_SESSION, eventId, sessionId, null);
        }
        boolean inside = scans.findLastAcceptedDirection(registration.id(), list.key())
                .map(ScanMode.ENTRY.name()::equals).orElse(false);
        Instant first = scans.findFirstEntry(registration.id(), list.key());
        if (inside) {
            return new Decision(Outcome.ALREADY_CHECKED_IN, eventId, sessionId, first);
        }
        return new Decision(Outcome.OK, eventId, sessionId, first == null || at.isBefore(first) ? at : first);
    }

    /** The list's day (the session's, or the entrance's) is the day of the scan and a day of the event. */
    private static boolean rightDay(Event event, @Nullable Session session, CheckinList list, Instant at) {
        LocalDate day = session != null
                ? (session.startsAt() == null ? null : Times.paris(session.startsAt()).toLocalDate())
                : list.day();
        if (day == null) {
            return true;
        }
        LocalDate first = Times.paris(event.startsAt()).toLocalDate();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        return day.equals(Times.paris(at).toLocalDate()) && !day.isBefore(first) && !day.isAfter(last);
    }

    private boolean member(Registration registration, Event event) {
        Long organisationId = registrations.findOrganisationId(registration.id());
        return organisationId != null && memberships.existsByOrganisationIdAndMembershipYear(organisationId,
                Times.paris(event.startsAt()).getYear());
    }
}
