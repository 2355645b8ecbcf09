package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One scan as a scanner sends it: the code read from the badge (or, for someone without a badge,
 * the registration found by name), the list, the mode, and a nonce unique to this scan. Queued
 * offline scans also carry the time they happened.
 *
 * @param code  trimmed here, once, for every face (the scan API, the scan page and its offline queue post this
 *              record): a reader or a paste adds spaces or a line break around the code (issue 18 item 7)
 * @param event the slug of the event the scanner is working for; a badge of another event is refused
 */
@Serdeable
@Introspected
public record ScanRequest(
        @Nullable String code,
        @Nullable Long registrationId,
        @Nullable String list,
        @Nullable String mode,
        @Nullable String nonce,
        @Nullable String event,
        @Nullable Instant scannedAt) {

    public ScanRequest {
        code = code == null ? null : code.strip();
    }
}
