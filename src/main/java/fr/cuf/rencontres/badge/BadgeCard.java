package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.registration.ParticipantType;
import io.micronaut.core.annotation.Nullable;

/** Everything printed on one badge, in print-ready text. */
record BadgeCard(
        String firstName,
        String lastName,
        @Nullable String function,
        @Nullable String organisation,
        @Nullable String country,
        ParticipantType type,
        String typeLabel,
        String eventTitle,
        String eventDates,
        String code) {
}
