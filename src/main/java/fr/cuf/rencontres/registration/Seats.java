package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seat decisions, always made by callers holding the locks of {@link CapacityGuard}: give a seat or a
 * place on the waiting list, and promote the next people when seats are freed (first come, first served).
 */
@Singleton
class Seats {

    static final String HELD = "CONFIRMED";
    static final String WAITING = "WAITLISTED";
    static final String CANCELLED = "CANCELLED";

    private final RegistrationDetailRepository store;
    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final Clock clock;

    Seats(RegistrationDetailRepository store, RegistrationRepository registrations, RegistrationMails mails, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.mails = mails;
        this.clock = clock;
    }

    boolean eventHasSeat(Event event) {
        return event.capacity() == null || store.seatsTaken(event.id()) < event.capacity();
    }

    /** The event's sessions by id; their seat counts are not loaded (see {@link #sessionHasSeat}). */
    Map<Long, SessionSeats> sessionsOf(Long eventId) {
        return store.sessionsWithoutCounts(eventId).stream().collect(Collectors.toMap(SessionSeats::id, Function.identity()));
    }

    /** The chosen sessions of the event by id (unknown or other events' ids are absent); no read when none. */
    Map<Long, SessionSeats> chosenOf(Long eventId, List<Long> sessionIds) {
        return sessionIds.isEmpty() ? Map.of() : store.chosenSessions(eventId, sessionIds).stream()
                .collect(Collectors.toMap(SessionSeats::id, Function.identity()));
    }

    /** Seat counts read after the locks were taken (the ones in {@code sessions} may be stale). */
    boolean sessionHasSeat(SessionSeats session) {
        return session.capacity() == null || store.sessionSeatsTaken(session.id()) < session.capacity();
    }

    /**
     * Records the registrant's choice of a session: a seat when the registration holds one and the session
     * has room, else the session's waiting list (or a refusal when the registrant does not want to wait).
     */
    String choose(Registration registration, SessionSeats session, boolean waitingList) {
        boolean seat = registration.status().holdsSeat() && sessionHasSeat(session);
        if (!seat && registration.status().holdsSeat() && !waitingList) {
            throw Refusals.conflictOn("sessionIds", "session_full", session.title());
        }
        String status = seat ? HELD : WAITING;
        store.addChoice(registration.id(), session.id(), status, clock.instant(),
                seat ? null : store.nextSessionWaitlistSeq(session.id()));
        return status;
    }

    /**
     * {@link #choose} for a new registration of {@code status}, with the seat counts of its sessions already
     * read under the locks ({@link CapacityGuard#lock}); {@code taken} is updated as seats are
     * given. Decides only: {@link RegistrationWrites} writes the choice with the registration.
     */
    RegistrationWrites.Choice chooseCounted(RegistrationStatus status, SessionSeats session, boolean waitingList,
                                            Map<Long, Long> taken) {
        long already = taken.getOrDefault(session.id(), 0L);
        boolean seat = status.holdsSeat() && (session.capacity() == null || already < session.capacity());
        if (!seat && status.holdsSeat() && !waitingList) {
            throw Refusals.conflictOn("sessionIds", "session_full", session.title());
        }
        if (seat) {
            taken.put(session.id(), already + 1);
        }
        return new RegistrationWrites.Choice(session.id(), seat ? HELD : WAITING,
                seat ? null : store.nextSessionWaitlistSeq(session.id()));
    }

    /** After a seat of the event was freed: the next registrations on the waiting list come in. */
    List<Long> promoteForEvent(Event event, boolean notify) {
        List<Long> promoted = new ArrayList<>();
        for (Long next : store.eventWaitingList(event.id())) {
            if (!eventHasSeat(event)) {
                break;
            }
            Registration r = registrations.findById(next).orElseThrow();
            RegistrationStatus status = RegistrationStatus.seated(r.priceCents());
            registrations.update(new Registration(r.id(), r.eventId(), r.personId(), r.organisationId(),
                    r.participantType(), status, r.priceCategory(), r.priceCents(), r.badgeVersion(), r.createdAt(),
                    clock.instant(), r.version()));
            Map<Long, SessionSeats> sessions = sessionsOf(event.id());
            for (RegistrationDetailRepository.Choice choice : store.choicesOf(r.id())) {
                SessionSeats s = sessions.get(choice.sessionId());
                if (WAITING.equals(choice.status()) && s != null && sessionHasSeat(s)) {
                    store.setChoiceStatus(r.id(), s.id(), HELD);
                }
            }
            if (notify) {
                mails.queue(MailKind.PROMOTED, r.id(), null);
            }
            promoted.add(r.id());
        }
        return promoted;
    }

    /** After seats of these sessions were freed: the next people waiting for them come in. */
    List<Long> promoteForSessions(Collection<Long> sessionIds, Map<Long, SessionSeats> sessions, boolean notify) {
        List<Long> promoted = new ArrayList<>();
        for (Long sessionId : sessionIds) {
            SessionSeats session = sessions.get(sessionId);
            for (Long next : store.sessionWaitingList(sessionId)) {
                if (!sessionHasSeat(session)) {
                    break;
                }
                store.setChoiceStatus(next, sessionId, HELD);
                if (notify) {
                    mails.queueSessionPromotion(next, session.title());
                }
                promoted.add(next);
            }
        }
        return promoted;
    }
}
