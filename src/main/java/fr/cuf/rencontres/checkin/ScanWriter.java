package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * How an admitted scan is written: the presence turned inside (or outside) and the scan recorded, unless what the
 * facts said no longer holds (another scanner let the person in since they were read) or the nonce was recorded
 * before. The writer never decides an outcome: {@link Admission} does, from the facts, and the scan desk reads the
 * facts again when a write comes back {@link Write#STALE}.
 */
sealed interface ScanWriter permits ScanWrites, LockingScanWrites {

    enum Write {
        /** The presence and the scan are written. */
        RECORDED,
        /** Nothing written: the facts changed since they were read (or the nonce was taken): read them again. */
        STALE,
        /** The nonce was recorded before; what this writer wrote must be rolled back. */
        NONCE_SEEN
    }

    /** A scan the door's rules let through, as it is recorded. */
    record Admitted(String nonce, long eventId, long registrationId, String listKey, @Nullable Long sessionId,
                    ScanMode mode, @Nullable Instant firstCheckinAt, Instant scannedAt, Instant recordedAt,
                    String scanner, boolean offline, String digest) {
    }

    /** Lets the person in, if they are still outside, and records the scan. */
    Write enter(Admitted scan);

    /** Lets the person out and records the scan. */
    Write leave(Admitted scan);

    /** True when a write takes several statements, so the scan runs in a transaction; false: one statement. */
    boolean transactional();
}
