package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to an existing registration: cancel (the next people on the waiting lists come in and are
 * told), change session choices within capacity, change details, renew the personal link. Each one
 * locks the event and the sessions concerned first, like a registration.
 */
@Singleton
public class RegistrationChanges {

    private final RegistrationRepository registrations;
    private final RegistrationDetailRepository store;
    private final RegistrationViews views;
    private final EventRepository events;
    private final CapacityGuard guard;
    private final Seats seats;
    private final Registrants registrants;
    private final PersonalLinks links;
    private final RegistrationMails mails;
    private final Pricing pricing;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<RegistrationCancelled> cancellations;

    RegistrationChanges(RegistrationRepository registrations, RegistrationDetailRepository store, RegistrationViews views,
                        EventRepository events, CapacityGuard guard, Seats seats, Registrants registrants,
                        PersonalLinks links, RegistrationMails mails, Pricing pricing, AuditLog audit,
                        Clock clock, ApplicationEventPublisher<RegistrationCancelled> cancellations) {
        this.cancellations = cancellations;
        this.registrations = registrations;
        this.store = store;
        this.views = views;
        this.events = events;
        this.guard = guard;
        this.seats = seats;
        this.registrants = registrants;
        this.links = links;
        this.mails = mails;
        this.pricing = pricing;
        this.audit = audit;
        this.clock = clock;
    }

    /** Cancels; cancelling twice changes nothing. Returns the registrations promoted in its place. */
    @Transactional
    public List<Long> cancel(long registrationId, String actor, boolean sendMail) {
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> DomainException.notFound("registration_not_found"));
        Event event = events.findById(r.eventId()).orElseThrow();
        Map<Long, SessionSeats> sessions = seats.sessionsOf(event.id());
        guard.lock(event, sessions.keySet());
        Registration current = registrations.findById(registrationId).orElseThrow();
        if (current.status() == RegistrationStatus.CANCELLED) {
            return List.of();
        }
        List<Long> freedSessions = store.choicesOf(registrationId).stream()
                .filter(c -> Seats.HELD.equals(c.status())).map(RegistrationDetailRepository.Choice::sessionId).toList();
        registrations.update(with(current, RegistrationStatus.CANCELLED));
        store.deactivate(registrationId);
        store.setAllChoices(registrationId, Seats.CANCELLED);
        audit.record(actor, "registration.cancelled", "registration", registrationId, current.status().name());
        cancellations.publishEvent(new RegistrationCancelled(registrationId, actor));
        if (sendMail) {
            mails.queue(MailKind.CANCELLED, registrationId, null);
        }
        List<Long> promoted = new ArrayList<>();
        if (current.status().holdsSeat()) {
            promoted.addAll(seats.promoteForEvent(event, sendMail));
            promoted.addAll(seats.promoteForSessions(freedSessions, sessions, sendMail));
        }
        return promoted;
    }

    /** Replaces the session choices; sessions kept keep their seat or their place in the waiting list. */
    @Transactional
    public RegistrationView changeSessions(long registrationId, List<Long> sessionIds, String actor) {
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> DomainException.notFound("registration_not_found"));
        if (r.status() == RegistrationStatus.CANCELLED) {
            throw Refusals.conflict("registration_cancelled");
        }
        Event event = events.findById(r.eventId()).orElseThrow();
        Map<Long, SessionSeats> sessions = seats.sessionsOf(event.id());
        List<Long> wanted = sessionIds == null ? List.of() : sessionIds.stream().distinct().toList();
        Validator v = new Validator();
        for (Long id : wanted) {
            if (!sessions.containsKey(id)) {
                v.add(Problem.field("sessionIds", "session_not_found"));
            }
        }
        v.throwIfInvalid();
        for (int i = 0; i < wanted.size(); i++) {
            for (int j = i + 1; j < wanted.size(); j++) {
                if (sessions.get(wanted.get(i)).overlaps(sessions.get(wanted.get(j)))) {
                    v.add(Problem.field("sessionIds", "sessions_overlap", sessions.get(wanted.get(i)).title(),
                            sessions.get(wanted.get(j)).title()));
                }
            }
        }
        Integer day = store.findById(registrationId).map(RegistrationDetail::attendanceDay).orElse(null);
        for (Long id : wanted) {
            SessionSeats s = sessions.get(id);
            if (day != null && s.startsAt() != null && Days.dayOf(event, s.startsAt()) != day) {
                v.add(Problem.field("sessionIds", "session_other_day", s.title(), day));
            }
        }
        v.throwIfInvalid();
        boolean member = pricing.isMember(event, views.get(registrationId).organisation());
        for (Long id : wanted) {
            if (sessions.get(id).membersOnly() && !member) {
                throw Refusals.forbiddenOn("sessionIds", "members_only_session", sessions.get(id).title());
            }
        }
        Set<Long> touched = new HashSet<>(wanted);
        List<RegistrationDetailRepository.Choice> before = store.choicesOf(registrationId);
        before.forEach(c -> touched.add(c.sessionId()));
        guard.lock(event, touched);
        Registration current = registrations.findById(registrationId).orElseThrow();
        List<Long> freed = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (RegistrationDetailRepository.Choice c : store.choicesOf(registrationId)) {
            if (wanted.contains(c.sessionId()) && !Seats.CANCELLED.equals(c.status())) {
                kept.add(c.sessionId());
            } else {
                store.removeChoice(registrationId, c.sessionId());
                if (Seats.HELD.equals(c.status())) {
                    freed.add(c.sessionId());
                }
            }
        }
        for (Long id : wanted) {
            if (!kept.contains(id)) {
                seats.choose(current, sessions.get(id), true);
            }
        }
        registrations.update(with(current, current.status()));
        audit.record(actor, "registration.sessions_changed", "registration", registrationId, wanted.toString());
        seats.promoteForSessions(freed, sessions, true);
        boolean changed = !freed.isEmpty() || kept.size() != wanted.size()
                || before.stream().anyMatch(c -> !wanted.contains(c.sessionId()) && !Seats.CANCELLED.equals(c.status()));
        if (changed) {
            mails.queue(MailKind.SESSIONS_CHANGED, registrationId, null); // with the updated agenda attached
        }
        return views.get(registrationId);
    }

    @Transactional
    public RegistrationView updateDetails(long registrationId, DetailsForm form, String actor) {
        RegistrationView v = views.get(registrationId);
        new Validator()
                .required("firstName", form.firstName()).maxLength("firstName", form.firstName(), 120)
                .required("lastName", form.lastName()).maxLength("lastName", form.lastName(), 120)
                .maxLength("functionTitle", form.functionTitle(), 300).maxLength("phone", form.phone(), 40)
                .maxLength("dietaryNeeds", form.dietaryNeeds(), 500)
                .maxLength("accessibilityNeeds", form.accessibilityNeeds(), 500)
                .maxLength("interpretationLanguage", form.interpretationLanguage(), 10)
                .throwIfInvalid();
        registrants.update(v.person().id(), fr.cuf.rencontres.support.TextInputs.name(form.firstName()).strip(), fr.cuf.rencontres.support.TextInputs.name(form.lastName()).strip(),
                RegistrationService.strip(form.functionTitle()), RegistrationService.strip(form.phone()));
        store.setNeeds(registrationId, RegistrationService.strip(form.dietaryNeeds()),
                RegistrationService.strip(form.accessibilityNeeds()),
                RegistrationService.strip(form.interpretationLanguage()), RegistrationService.locale(form.locale()));
        audit.record(actor, "registration.details_changed", "registration", registrationId, null);
        return views.get(registrationId);
    }

    /** A new personal link; the old one stops working. The new link is mailed too. */
    @Transactional
    public String renewLink(long registrationId, String actor) {
        views.get(registrationId);
        String secret = links.newSecret();
        store.setSecretHash(registrationId, PersonalLinks.hash(secret));
        audit.record(actor, "registration.link_renewed", "registration", registrationId, null);
        mails.queue(MailKind.NEW_LINK, registrationId, secret);
        return secret;
    }

    /** Whether the registration behind a personal link may act on {@code targetId}: itself or its group. */
    public long authorise(RegistrationView self, long targetId) {
        if (self.registration().id() == targetId
                || self.group().stream().anyMatch(g -> g.registration().id() == targetId)) {
            return targetId;
        }
        throw DomainException.forbidden("not_your_registration");
    }

    private Registration with(Registration r, RegistrationStatus status) {
        return new Registration(r.id(), r.eventId(), r.personId(), r.organisationId(), r.participantType(), status,
                r.priceCategory(), r.priceCents(), r.badgeVersion(), r.createdAt(), clock.instant(), r.version());
    }
}
