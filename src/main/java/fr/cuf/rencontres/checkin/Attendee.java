package fr.cuf.rencontres.checkin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A registration as the door sees it: who, which type, which status, which badge version. */
@Introspected
public record Attendee(long registrationId, String status, String participantType, int badgeVersion,
                       String firstName, String lastName, @Nullable String functionTitle,
                       @Nullable String organisationName,
                       @Nullable Long organisationId) {
}
