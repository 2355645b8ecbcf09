package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An accepted scan as other doors learn it: who, where, which way, when (the scan's time, not its arrival). */
@Introspected
@Serdeable
public record DoorScan(long id, long registrationId, String listKey, String direction, Instant scannedAt,
                       @Nullable Instant firstCheckinAt) {
}
