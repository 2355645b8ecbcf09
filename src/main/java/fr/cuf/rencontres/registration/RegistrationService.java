package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.CountsOutcome;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers people for events. One transaction per submission: what does not depend on seats (the
 * organisation, the people, the price) is settled first; then the event and the chosen sessions are
 * locked, seats are counted and written, and the mails are put in the outbox, all before commit.
 * Each step is its own bean: {@link SubmissionChecks}, {@link SubmissionLocks}, {@link PriorRegistrations},
 * {@link AttendeeRegistrations}.
 */
@Singleton
public class RegistrationService {

    private final SubmissionChecks checks;
    private final SubmissionLocks locks;
    private final PriorRegistrations priors;
    private final RegistrationGroup.Groups groups;
    private final AttendeeRegistrations attendeeRegistrations;
    private final Clock clock;

    RegistrationService(SubmissionChecks checks, SubmissionLocks locks, PriorRegistrations priors,
                        RegistrationGroup.Groups groups, AttendeeRegistrations attendeeRegistrations,
                        Clock clock) {
        this.checks = checks;
        this.locks = locks;
        this.priors = priors;
        this.groups = groups;
        this.attendeeRegistrations = attendeeRegistrations;
        this.clock = clock;
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
        SubmissionChecks.Checked checked = checks.check(slug, request, submission);
        List<Attendee> attendees = Attendee.of(request);
        SubmissionLocks.Locked locked = locks.lock(checked.event(), checked.valid().sessionIds(), attendees,
                checked.organisationId());

        String clientKey = submission.idempotencyKey();
        String fingerprint = clientKey == null ? null : IdempotencyKeys.fingerprint(checked.event().id(), request);
        Optional<RegistrationOutcome> replay = priors.replayOrRefuse(clientKey, fingerprint, checked.event().id(),
                locked.people().keySet(), attendees);
        if (replay.isPresent()) {
            return replay.get();
        }
        Long groupId = null;
        if (attendees.size() > 1) {
            groupId = groups.save(new RegistrationGroup(null, checked.event().id(), checked.organisationId(),
                    clock.instant())).id();
        }
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (Attendee a : attendees) {
            Quote quote = Pricing.quote(checked.categories(), a.type(), checked.foreign(), checked.member(),
                    request.attendanceDay());
            // the submitter's registration remembers the Idempotency-Key: a retry gets the whole submission
            outcomes.add(attendeeRegistrations.register(checked, a, locked.people().get(Registrants.normalise(a.email())),
                    quote, request, locked.taken(), submission, groupId, outcomes.isEmpty() ? clientKey : null,
                    fingerprint));
        }
        RegistrationOutcome first = outcomes.get(0);
        return first.withColleagues(outcomes.subList(1, outcomes.size()));
    }

    static String locale(String locale) {
        return "en".equals(locale) ? "en" : "fr";
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
