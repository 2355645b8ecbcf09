package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a submission finds already there, in one statement: a registration made with the same Idempotency-Key
 * (a retry gets it back; another request with that key is refused), or an active registration of one of its
 * people (refused as already registered).
 */
@Singleton
class PriorRegistrations {

    private final RegistrationDetailRepository store;
    private final IdempotencyKeys idempotency;
    private final RegistrationViews views;

    PriorRegistrations(RegistrationDetailRepository store, IdempotencyKeys idempotency, RegistrationViews views) {
        this.store = store;
        this.idempotency = idempotency;
        this.views = views;
    }

    /** The outcome to give again for a retry of the same submission, or empty when the submission may go on. */
    Optional<RegistrationOutcome> replayOrRefuse(@Nullable String clientKey, @Nullable String fingerprint, Long eventId,
                                                 Set<String> emails, List<Attendee> attendees) {
        Set<String> active = new HashSet<>();
        for (RegistrationDetailRepository.Prior prior : store.priorOf(clientKey == null ? null : IdempotencyKeys.keyHash(clientKey),
                eventId, emails)) {
            if ("K".equals(prior.kind())) {
                String secret = idempotency.opened(clientKey, fingerprint, prior.found()).orElseThrow(() ->
                        DomainException.invalid(List.of(Problem.of("idempotency_key_reused"))));
                return Optional.of(views.outcome(prior.registrationId(), secret, true));
            }
            active.add(prior.found());
        }
        for (Attendee a : attendees) {
            if (active.contains(Registrants.normalise(a.email()))) {
                throw Refusals.conflictOn(a.submitter() ? "email" : "colleagues", "already_registered", a.email());
            }
        }
        return Optional.empty();
    }
}
