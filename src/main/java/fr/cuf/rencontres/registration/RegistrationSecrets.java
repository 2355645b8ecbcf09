package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The personal secret of a new registration (its link), and the sealed copy its Idempotency-Key row keeps so
 * that a retry gets the same link back. No statement: the row is written with the registration.
 */
@Singleton
class RegistrationSecrets {

    private final PersonalLinks links;
    private final IdempotencyKeys idempotency;

    RegistrationSecrets(PersonalLinks links, IdempotencyKeys idempotency) {
        this.links = links;
        this.idempotency = idempotency;
    }

    /** {@code key}: null when the submission names no Idempotency-Key (or for a colleague's registration). */
    record Issued(String secret, @Nullable RegistrationWrites.Key key) {
    }

    Issued issue(@Nullable String clientKey, @Nullable String fingerprint) {
        String secret = links.newSecret();
        return new Issued(secret, clientKey == null ? null : idempotency.rowFor(clientKey, fingerprint, secret));
    }
}
