package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.registration.ParticipantType;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The answer to one scan. {@code replayed} is true when the nonce had been recorded before: the
 * stored answer is given again and nothing is counted twice.
 */
public record ScanResult(
        Outcome outcome,
        String nonce,
        ScanMode mode,
        @Nullable Long registrationId,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable ParticipantType participantType,
        @Nullable Instant firstCheckinAt,
        Instant scannedAt,
        boolean replayed) {
}
