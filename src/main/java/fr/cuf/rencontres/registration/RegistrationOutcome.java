package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The answer to a registration: status, price as quoted and stored, the personal secret (shown once;
 * only its hash is kept), the session choices and the colleagues registered in the same submission.
 * {@code replayed} says it is the first answer returned again for a retried Idempotency-Key.
 */
public record RegistrationOutcome(long id, RegistrationStatus status, Quote quote, @Nullable String secret,
                                  boolean replayed, List<SessionChoice> sessions, String firstName,
                                  String lastName, String email, List<RegistrationOutcome> colleagues) {

    public record SessionChoice(long sessionId, String title, String status) {
    }

    public RegistrationOutcome withColleagues(List<RegistrationOutcome> others) {
        return new RegistrationOutcome(id, status, quote, secret, replayed, sessions, firstName, lastName, email, others);
    }
}
