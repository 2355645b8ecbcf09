package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One scan as recorded, accepted or not; the nonce makes it recorded once however often it is sent. */
@MappedEntity("checkin_scan")
public record CheckinScan(
        @Id @GeneratedValue @Nullable Long id,
        String nonce,
        @Nullable Long eventId,
        @Nullable Long registrationId,
        String listKey,
        @Nullable Long sessionId,
        ScanMode direction,
        String outcome,
        @Nullable Instant firstCheckinAt,
        Instant scannedAt,
        Instant recordedAt,
        String scanner,
        boolean offline) {
}
