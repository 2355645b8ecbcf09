package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.support.CountsOutcome;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
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
    private final Payers payers;
    private final RegistrationWrites writes;
    private final RegistrationDetailRepository store;
    private final Registrants registrants;
    private final RequestCheck check;
    private final Pricing pricing;
    private final CapacityGuard guard;
    private final Seats seats;
    private final IdempotencyKeys idempotency;
    private final PersonalLinks links;
    private final QuestionRepository questions;
    private final RegistrationViews views;
    private final Clock clock;
    private final RegistrationGroup.Groups groups;

    RegistrationService(RegistrationGroup.Groups groups, EventRepository events, Payers payers, RegistrationWrites writes,
                        RegistrationDetailRepository store, Registrants registrants, RequestCheck check, Pricing pricing,
                        CapacityGuard guard, Seats seats, IdempotencyKeys idempotency, PersonalLinks links,
                        QuestionRepository questions, RegistrationViews views, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.payers = payers;
        this.writes = writes;
        this.store = store;
        this.registrants = registrants;
        this.check = check;
        this.pricing = pricing;
        this.guard = guard;
        this.seats = seats;
        this.idempotency = idempotency;
        this.links = links;
        this.questions = questions;
        this.views = views;
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
            throw notYet ? Refusals.conflict("registration_not_open", Times.paris(event.registrationOpensAt()))
                    : Refusals.conflict("registration_closed");
        }
        return event;
    }

    /** The price the rules give, shown before confirming. */
    public Quote quote(String slug, ParticipantType type, Long organisationId) {
        return quote(slug, type, organisationId, null);
    }

    /** The price the rules give for a day pass ({@code day} N) or the whole event ({@code day} null). */
    public Quote quote(String slug, ParticipantType type, Long organisationId, Integer day) {
        Event event = events.findBySlug(slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
        return pricing.quoteFor(event, type == null ? ParticipantType.OFFICER : type, organisationId, day);
    }

    /**
     * Registers the people of one submission. Statements for one newcomer choosing one session of an
     * event without capacity: the event, its questions, the chosen sessions and the price categories; the organisation
     * with its membership; the person's insert and locking read; what already exists (Idempotency-Key,
     * active registration of the e-mail); the session's lock and count; then the writes (registration,
     * detail, choices, audit, outbox, idempotency key: one statement on PostgreSQL, see {@link RegistrationWrites}).
     */
    @Transactional
    @CountsOutcome("rencontres.registrations")
    public RegistrationOutcome register(String slug, RegistrationRequest request, Submission submission) {
        Event event = openEvent(slug, submission);
        List<Question> eventQuestions = questions.findByEventIdOrderByPosition(event.id());
        Map<Long, SessionSeats> sessions = seats.chosenOf(event.id(), request.sessions());
        RequestCheck.Valid valid = check.validate(request, submission, eventQuestions, sessions);
        List<PriceCategory> categories = pricing.categoriesOf(event);
        checkAttendance(event, request.attendanceDay(), categories, valid.sessionIds(), sessions);

        RegistrationDetailRepository.Payer payer = payers.of(event, request, submission);
        boolean member = payer != null && payer.member();
        if (event.membersOnly() && !member) {
            throw DomainException.forbidden("members_only");
        }
        for (Long id : valid.sessionIds()) {
            if (sessions.get(id).membersOnly() && !member) {
                throw Refusals.forbiddenOn("sessionIds", "members_only_session", sessions.get(id).title());
            }
        }
        Long organisationId = payer == null ? null : payer.id();
        boolean foreign = payer != null && Pricing.isForeign(payer.kind(), payer.country());
        List<Attendee> attendees = new ArrayList<>();
        attendees.add(new Attendee(fr.cuf.rencontres.support.TextInputs.name(request.firstName()).strip(), fr.cuf.rencontres.support.TextInputs.name(request.lastName()).strip(),
                strip(request.functionTitle()), request.email(), strip(request.phone()), request.participantType(), true));
        for (RegistrationRequest.Colleague c : request.colleagueList()) {
            attendees.add(new Attendee(fr.cuf.rencontres.support.TextInputs.name(c.firstName()).strip(), fr.cuf.rencontres.support.TextInputs.name(c.lastName()).strip(), strip(c.functionTitle()), c.email(),
                    null, c.participantType() == null ? request.participantType() : c.participantType(), false));
        }
        // people in a stable order and locked in id order, so two submissions naming the same people take turns
        Map<String, Person> people = registrants.upsertAndLock(attendees.stream()
                .map(a -> new Registrants.Typed(a.firstName(), a.lastName(), a.functionTitle(), a.email(), a.phone(),
                        organisationId, a.type() == ParticipantType.ELECTED_OFFICIAL)).toList());
        // seats read with the sessions' locks; updated as this submission takes them
        Map<Long, Long> taken = guard.lock(event, valid.sessionIds());

        String clientKey = submission.idempotencyKey();
        String fingerprint = clientKey == null ? null : IdempotencyKeys.fingerprint(event.id(), request);
        java.util.Set<String> active = new java.util.HashSet<>();
        for (RegistrationDetailRepository.Prior prior : store.priorOf(clientKey == null ? null : IdempotencyKeys.keyHash(clientKey),
                event.id(), people.keySet())) {
            if ("K".equals(prior.kind())) {
                String secret = idempotency.opened(clientKey, fingerprint, prior.found()).orElseThrow(() ->
                        DomainException.invalid(List.of(Problem.of("idempotency_key_reused"))));
                return views.outcome(prior.registrationId(), secret, true);
            }
            active.add(prior.found());
        }
        for (Attendee a : attendees) {
            if (active.contains(Registrants.normalise(a.email()))) {
                throw Refusals.conflictOn(a.submitter() ? "email" : "colleagues", "already_registered", a.email());
            }
        }
        Long groupId = null;
        if (attendees.size() > 1) {
            groupId = groups.save(new RegistrationGroup(null, event.id(), organisationId, clock.instant())).id();
        }
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (Attendee a : attendees) {
            Quote quote = Pricing.quote(categories, a.type(), foreign, member, request.attendanceDay());
            // the submitter's registration remembers the Idempotency-Key: a retry gets the whole submission
            outcomes.add(registerOne(event, a, people.get(Registrants.normalise(a.email())), organisationId, quote,
                    valid, request, sessions, taken, submission, groupId, outcomes.isEmpty() ? clientKey : null,
                    fingerprint));
        }
        RegistrationOutcome first = outcomes.get(0);
        return first.withColleagues(outcomes.subList(1, outcomes.size()));
    }

    private RegistrationOutcome registerOne(Event event, Attendee a, Person person, Long organisationId,
                                            Quote quote, RequestCheck.Valid valid, RegistrationRequest request,
                                            Map<Long, SessionSeats> sessions, Map<Long, Long> taken,
                                            Submission submission, Long groupId,
                                            @io.micronaut.core.annotation.Nullable String clientKey,
                                            @io.micronaut.core.annotation.Nullable String fingerprint) {
        Instant now = clock.instant();
        boolean seat = seats.eventHasSeat(event);
        if (!seat && !request.waitingList()) {
            throw Refusals.conflict("event_full", event.title());
        }
        RegistrationStatus status = seat ? RegistrationStatus.seated(quote.priceCents()) : RegistrationStatus.WAITLISTED;
        String secret = links.newSecret();
        String email = Registrants.normalise(a.email());
        String locale = locale(request.locale());
        RegistrationDetail detail = new RegistrationDetail(null, event.id(), email, email, locale,
                strip(request.dietaryNeeds()), strip(request.accessibilityNeeds()),
                strip(request.interpretationLanguage()), valid.consentVersion(), request.consent() ? now : null,
                PersonalLinks.hash(secret), seat ? null : store.nextEventWaitlistSeq(event.id()), groupId,
                groupId != null && a.submitter(), submission.source().name(), request.attendanceDay());
        List<RegistrationWrites.Choice> rows = new ArrayList<>();
        List<RegistrationOutcome.SessionChoice> choices = new ArrayList<>();
        for (Long sessionId : valid.sessionIds()) {
            SessionSeats s = sessions.get(sessionId);
            RegistrationWrites.Choice choice = seats.chooseCounted(status, s, request.waitingList(), taken);
            rows.add(choice);
            choices.add(new RegistrationOutcome.SessionChoice(sessionId, s.title(), choice.status()));
        }
        RegistrationWrites.Mail mail = !submission.sendMail() ? null : new RegistrationWrites.Mail(
                status == RegistrationStatus.WAITLISTED ? MailKind.WAITLISTED : MailKind.CONFIRMATION, email, locale, secret);
        long id = writes.insert(new RegistrationWrites.NewRegistration(
                new Registration(null, event.id(), person.id(), organisationId, a.type(), status, quote.categoryCode(),
                        quote.priceCents(), 1, now, now, null),
                detail, rows, submission.actor(), email + " " + status + " " + quote.categoryCode() + " " + quote.priceCents(),
                mail, clientKey == null ? null : idempotency.rowFor(clientKey, fingerprint, secret)));
        if (a.submitter()) {
            valid.answers().forEach((questionId, answer) -> questions.addAnswer(id, questionId, answer));
        }
        return new RegistrationOutcome(id, status, quote, secret, false, choices, a.firstName(), a.lastName(),
                email, List.of());
    }

    /**
     * A day pass ({@code day} N) needs a category of that day, and sessions of that day only; coming every day
     * ({@code day} null) needs a whole-event category when the event has categories at all.
     */
    private static void checkAttendance(Event event, Integer day, List<PriceCategory> categories, List<Long> sessionIds,
                                        Map<Long, SessionSeats> sessions) {
        if (day == null) {
            if (!categories.isEmpty() && categories.stream().noneMatch(c -> c.dayPass() == 0)) {
                throw DomainException.invalid("attendanceDay", "attendance_day_required");
            }
            return;
        }
        if (day < 1 || day > Days.count(event) || categories.stream().noneMatch(c -> c.dayPass() == day)) {
            throw DomainException.invalid("attendanceDay", "no_day_pass", day);
        }
        for (Long id : sessionIds) {
            SessionSeats s = sessions.get(id);
            if (s.startsAt() != null && Days.dayOf(event, s.startsAt()) != day) {
                throw DomainException.invalid("sessionIds", "session_other_day", s.title(), day);
            }
        }
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
