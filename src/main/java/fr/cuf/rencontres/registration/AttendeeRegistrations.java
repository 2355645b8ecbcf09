package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the registration of one attendee of a checked and locked submission: seated or waitlisted, its session
 * choices counted against the locked seats, then one insert of the registration with its detail, choices, audit,
 * outbox mail and Idempotency-Key (see {@link RegistrationWrites}); the submitter's answers follow.
 */
@Singleton
class AttendeeRegistrations {

    private final Seats seats;
    private final RegistrationSecrets secrets;
    private final RegistrationDetailRepository store;
    private final RegistrationWrites writes;
    private final QuestionRepository questions;
    private final Clock clock;

    AttendeeRegistrations(Seats seats, RegistrationSecrets secrets, RegistrationDetailRepository store,
                          RegistrationWrites writes, QuestionRepository questions, Clock clock) {
        this.seats = seats;
        this.secrets = secrets;
        this.store = store;
        this.writes = writes;
        this.questions = questions;
        this.clock = clock;
    }

    RegistrationOutcome register(SubmissionChecks.Checked checked, Attendee a, Person person, Quote quote,
                                 RegistrationRequest request, Map<Long, Long> taken, Submission submission,
                                 Long groupId, @Nullable String clientKey, @Nullable String fingerprint) {
        Event event = checked.event();
        RequestCheck.Valid valid = checked.valid();
        Instant now = clock.instant();
        boolean seat = seats.eventHasSeat(event);
        if (!seat && !request.waitingList()) {
            throw Refusals.conflict("event_full", event.title());
        }
        RegistrationStatus status = seat ? RegistrationStatus.seated(quote.priceCents()) : RegistrationStatus.WAITLISTED;
        RegistrationSecrets.Issued issued = secrets.issue(clientKey, fingerprint);
        String secret = issued.secret();
        String email = Registrants.normalise(a.email());
        String locale = RegistrationService.locale(request.locale());
        RegistrationDetail detail = new RegistrationDetail(null, event.id(), email, email, locale,
                RegistrationService.strip(request.dietaryNeeds()), RegistrationService.strip(request.accessibilityNeeds()),
                RegistrationService.strip(request.interpretationLanguage()), valid.consentVersion(),
                request.consent() ? now : null, PersonalLinks.hash(secret),
                seat ? null : store.nextEventWaitlistSeq(event.id()), groupId, groupId != null && a.submitter(),
                submission.source().name(), request.attendanceDay());
        List<RegistrationWrites.Choice> rows = new ArrayList<>();
        List<RegistrationOutcome.SessionChoice> choices = new ArrayList<>();
        for (Long sessionId : valid.sessionIds()) {
            SessionSeats s = checked.sessions().get(sessionId);
            RegistrationWrites.Choice choice = seats.chooseCounted(status, s, request.waitingList(), taken);
            rows.add(choice);
            choices.add(new RegistrationOutcome.SessionChoice(sessionId, s.title(), choice.status()));
        }
        RegistrationWrites.Mail mail = !submission.sendMail() ? null : new RegistrationWrites.Mail(
                status == RegistrationStatus.WAITLISTED ? MailKind.WAITLISTED : MailKind.CONFIRMATION, email, locale, secret);
        long id = writes.insert(new RegistrationWrites.NewRegistration(
                new Registration(null, event.id(), person.id(), checked.organisationId(), a.type(), status,
                        quote.categoryCode(), quote.priceCents(), 1, now, now, null),
                detail, rows, submission.actor(), email + " " + status + " " + quote.categoryCode() + " " + quote.priceCents(),
                mail, issued.key()));
        if (a.submitter()) {
            valid.answers().forEach((questionId, answer) -> questions.addAnswer(id, questionId, answer));
        }
        return new RegistrationOutcome(id, status, quote, secret, false, choices, a.firstName(), a.lastName(),
                email, List.of());
    }
}
