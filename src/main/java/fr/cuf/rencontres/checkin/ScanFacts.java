package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Everything the door's rules need about one scan, read in one query: the registration (fresh at every
 * scan, so a cancellation or a reissue counts at once on every instance), the person's name, the event,
 * the session of the list if any with its sign-ups, whether the person is inside the list now, and the day a
 * day-pass holder chose (1-based; null when they come every day), and whether the scan's nonce was recorded before
 * (a retry: answered from the journal, nothing written).
 */
@Introspected
record ScanFacts(long registrationId, long eventId, String eventSlug, String status, String participantType,
                 int badgeVersion, String firstName, String lastName, @Nullable Long organisationId,
                 Instant eventStartsAt, Instant eventEndsAt, boolean eventMembersOnly,
                 @Nullable Long sessionId, @Nullable Long sessionEventId, @Nullable Instant sessionStartsAt,
                 @Nullable Boolean sessionMembersOnly, boolean sessionHasSignUps, boolean signedUp,
                 @Nullable Boolean inside, @Nullable Instant firstEntryAt, @Nullable Integer attendanceDay,
                 boolean nonceSeen) {
}
