package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers people for events. One transaction per submission: what does not depend on seats (the
 * organisation, the people, the price) is settled first; then the event and the chosen sessions are
 * locked, seats are counted and written, and the mails are put in the outbox, all before commit.
 */
@Singleton
public class RegistrationService {

    private final EventRepository events;
    private final OrganisationService organisations;
    private final RegistrationRepository registrations;
    private final RegistrationStore store;
    private final Registrants registrants;
    private final RequestCheck check;
    private final Pricing pricing;
    private final CapacityGuard guard;
    private final Seats seats;
    private final IdempotencyKeys idempotency;
    private final PersonalLinks links;
    private final QuestionRepository questions;
    private final RegistrationMails mails;
    private final RegistrationViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final RegistrationGroup.Groups groups;

    RegistrationService(RegistrationGroup.Groups groups, EventRepository events, OrganisationService organisations, RegistrationRepository registrations,
                        RegistrationStore store, Registrants registrants, RequestCheck check, Pricing pricing,
                        CapacityGuard guard, Seats seats, IdempotencyKeys idempotency, PersonalLinks links,
                        QuestionRepository questions, RegistrationMails mails, RegistrationViews views,
                        AuditLog audit, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.organisations = organisations;
        this.registrations = registrations;
        this.store = store;
        this.registrants = registrants;
        this.check = check;
        this.pricing = pricing;
        this.guard = guard;
        this.seats = seats;
        this.idempotency = idempotency;
        this.links = links;
        this.questions = questions;
        this.mails = mails;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** The event a registrant may register for (published, within its dates unless the desk registers). */
    public Event openEvent(String slug, Submission submission) {
        Event event = events.findBySlug(slug).filter(e -> e.status().isPublic())
                .orElseThrow(() -> DomainException.notFound("event_not_found"));
        Instant now = clock.instant();
        if (event.status() == EventStatus.CANCELLED
                || (!submission.ignoresDates() && !now.isBefore(event.endsAt()))) {
            throw Refusals.conflict("registration_closed");
        }
        if (!submission.ignoresDates() && !event.isOpenForRegistration(now)) {
            boolean notYet = event.registrationOpensAt() != null && now.isBefore(event.registrationOpensAt());
            throw notYet ? Refusals.conflict("registration_not_open",
                    Times.paris(event.registrationOpensAt()).toLocalDate())
                    : Refusals.conflict("registration_closed");
        }
        return event;
    }

    /** The price the rules give, shown before confirming. */
    public Quote quote(String slug, ParticipantType type, Long organisationId) {
        Event event = events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Organisation organisation = organisationId == null ? null : organisations.get(organisationId);
        return pricing.quote(event, type == null ? ParticipantType.OFFICER : type, organisation);
    }

    @Transactional
    public RegistrationOutcome register(String slug, RegistrationRequest request, Submission submission) {
        Event event = openEvent(slug, submission);
        List<Question> eventQuestions = questions.findByEventIdOrderByPosition(event.id());
        Map<Long, SessionSeats> sessions = seats.sessionsOf(event.id());
        RequestCheck.Valid valid = check.validate(request, submission, eventQuestions, sessions);

        Organisation organisation = organisation(request, submission);
        boolean member = pricing.isMember(event, organisation);
        if (event.membersOnly() && !member) {
            throw DomainException.forbidden("members_only");
        }
        for (Long id : valid.sessionIds()) {
            if (sessions.get(id).membersOnly() && !member) {
                throw Refusals.forbiddenOn("sessionIds", "members_only_session", sessions.get(id).title());
            }
        }
        List<Attendee> attendees = new ArrayList<>();
        attendees.add(new Attendee(request.firstName().strip(), request.lastName().strip(),
                strip(request.functionTitle()), request.email(), strip(request.phone()), request.participantType(), true));
        for (RegistrationRequest.Colleague c : request.colleagueList()) {
            attendees.add(new Attendee(c.firstName().strip(), c.lastName().strip(), strip(c.functionTitle()), c.email(),
                    null, c.participantType() == null ? request.participantType() : c.participantType(), false));
        }
        // people in a stable order, so two submissions naming the same people cannot deadlock on them
        Map<String, Person> people = new java.util.TreeMap<>();
        attendees.stream().sorted(Comparator.comparing(a -> Registrants.normalise(a.email()))).forEach(a ->
                people.put(Registrants.normalise(a.email()), registrants.upsert(a.firstName(), a.lastName(),
                        a.functionTitle(), a.email(), a.phone(), organisation == null ? null : organisation.id(),
                        a.type() == ParticipantType.ELECTED_OFFICIAL)));

        guard.lockPeople(people.values().stream().map(Person::id).toList());
        guard.lock(event, valid.sessionIds());

        if (submission.idempotencyKey() != null) {
            Optional<IdempotencyKeys.Replay> replay = idempotency.find(submission.idempotencyKey());
            if (replay.isPresent()) {
                return views.outcome(replay.get().registrationId(), replay.get().secret(), true);
            }
        }
        for (Attendee a : attendees) {
            Optional<Long> existing = store.activeByEmail(event.id(), Registrants.normalise(a.email()));
            if (existing.isPresent()) {
                throw Refusals.conflictOn(a.submitter() ? "email" : "colleagues", "already_registered", a.email());
            }
        }
        Long groupId = null;
        if (attendees.size() > 1) {
            groupId = groups.save(new RegistrationGroup(null, event.id(),
                    organisation == null ? null : organisation.id(), clock.instant())).id();
        }
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (Attendee a : attendees) {
            Quote quote = pricing.quote(event, a.type(), organisation);
            outcomes.add(registerOne(event, a, people.get(Registrants.normalise(a.email())), organisation, quote,
                    valid, request, sessions, submission, groupId));
        }
        RegistrationOutcome first = outcomes.get(0);
        if (submission.idempotencyKey() != null) {
            idempotency.remember(submission.idempotencyKey(), first.id(), first.secret(), clock.instant());
        }
        return first.withColleagues(outcomes.subList(1, outcomes.size()));
    }

    private RegistrationOutcome registerOne(Event event, Attendee a, Person person, Organisation organisation,
                                            Quote quote, RequestCheck.Valid valid, RegistrationRequest request,
                                            Map<Long, SessionSeats> sessions, Submission submission, Long groupId) {
        Instant now = clock.instant();
        boolean seat = seats.eventHasSeat(event);
        if (!seat && !request.waitingList()) {
            throw Refusals.conflict("event_full", event.title());
        }
        RegistrationStatus status = !seat ? RegistrationStatus.WAITLISTED
                : quote.free() ? RegistrationStatus.CONFIRMED : RegistrationStatus.PENDING_PAYMENT;
        Registration saved = registrations.save(new Registration(null, event.id(), person.id(),
                organisation == null ? null : organisation.id(), a.type(), status, quote.categoryCode(),
                quote.priceCents(), 1, now, now, null));
        String secret = links.newSecret();
        String email = Registrants.normalise(a.email());
        store.save(new RegistrationDetail(saved.id(), event.id(), email, email, locale(request.locale()),
                strip(request.dietaryNeeds()), strip(request.accessibilityNeeds()),
                strip(request.interpretationLanguage()), valid.consentVersion(), request.consent() ? now : null,
                PersonalLinks.hash(secret), seat ? null : store.nextEventWaitlistSeq(event.id()), groupId,
                groupId != null && a.submitter(), submission.source().name()));
        List<RegistrationOutcome.SessionChoice> choices = new ArrayList<>();
        for (Long sessionId : valid.sessionIds()) {
            SessionSeats s = sessions.get(sessionId);
            choices.add(new RegistrationOutcome.SessionChoice(sessionId, s.title(),
                    seats.choose(saved, s, request.waitingList())));
        }
        if (a.submitter()) {
            valid.answers().forEach((questionId, answer) -> questions.addAnswer(saved.id(), questionId, answer));
        }
        audit.record(submission.actor(), "registration.created", "registration", saved.id(),
                email + " " + status + " " + quote.categoryCode() + " " + quote.priceCents());
        if (submission.sendMail()) {
            mails.queue(status == RegistrationStatus.WAITLISTED ? MailKind.WAITLISTED : MailKind.CONFIRMATION,
                    saved.id(), secret);
        }
        return new RegistrationOutcome(saved.id(), status, quote, secret, false, choices, a.firstName(), a.lastName(),
                email, List.of());
    }

    private Organisation organisation(RegistrationRequest request, Submission submission) {
        if (request.organisationId() != null) {
            return organisations.get(request.organisationId());
        }
        if (RegistrationRequest.blank(request.organisationName())) {
            return null;
        }
        String country = RegistrationRequest.blank(request.organisationCountry()) ? "FR"
                : request.organisationCountry().strip().toUpperCase(java.util.Locale.ROOT);
        OrganisationKind kind = request.organisationKind() == null || request.organisationKind().isFrenchLocalAuthority()
                ? (country.equals("FR") ? OrganisationKind.OTHER : OrganisationKind.FOREIGN_LOCAL_AUTHORITY)
                : request.organisationKind();
        Organisation created = organisations.create(new OrganisationForm(request.organisationName().strip(), kind,
                country, null, null, null, null, null), submission.actor());
        store.flagForReview(created.id(), clock.instant());
        return created;
    }

    static String locale(String locale) {
        return "en".equals(locale) ? "en" : "fr";
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Attendee(String firstName, String lastName, String functionTitle, String email, String phone,
                            ParticipantType type, boolean submitter) {
    }
}
