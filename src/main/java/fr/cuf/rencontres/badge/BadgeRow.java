package fr.cuf.rencontres.badge;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A registration with what its badge prints about the person (one query, no entity graph). */
@Introspected
record BadgeRow(
        long registrationId,
        long eventId,
        String participantType,
        String status,
        int badgeVersion,
        String firstName,
        String lastName,
        @Nullable String functionTitle,
        @Nullable String organisationName,
        @Nullable String organisationCountry) {
}
