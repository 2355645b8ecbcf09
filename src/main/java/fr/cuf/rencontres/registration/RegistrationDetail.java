package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * What the registration feature keeps beside the shared {@link Registration} row: contact, needs,
 * consent, the hash of the personal link's secret, the waiting-list order and the group.
 * {@code activeEmail} is null once cancelled (see the unique constraint in V20).
 */
@MappedEntity("registration_detail")
public record RegistrationDetail(
        @Id Long registrationId,
        Long eventId,
        String email,
        @Nullable String activeEmail,
        String locale,
        @Nullable String dietaryNeeds,
        @Nullable String accessibilityNeeds,
        @Nullable String interpretationLanguage,
        @Nullable String consentVersion,
        @Nullable Instant consentedAt,
        String secretHash,
        @Nullable Long waitlistSeq,
        @Nullable Long groupId,
        boolean groupSubmitter,
        String source,
        @Nullable Integer attendanceDay) {

    /** {@code attendanceDay}: the day (1-based) a day-pass holder comes; null when they come every day. */
    @io.micronaut.core.annotation.Creator
    public RegistrationDetail {
    }

    public RegistrationDetail(Long registrationId, Long eventId, String email, @Nullable String activeEmail,
                              String locale, @Nullable String dietaryNeeds, @Nullable String accessibilityNeeds,
                              @Nullable String interpretationLanguage, @Nullable String consentVersion,
                              @Nullable Instant consentedAt, String secretHash, @Nullable Long waitlistSeq,
                              @Nullable Long groupId, boolean groupSubmitter, String source) {
        this(registrationId, eventId, email, activeEmail, locale, dietaryNeeds, accessibilityNeeds,
                interpretationLanguage, consentVersion, consentedAt, secretHash, waitlistSeq, groupId, groupSubmitter,
                source, null);
    }
}
