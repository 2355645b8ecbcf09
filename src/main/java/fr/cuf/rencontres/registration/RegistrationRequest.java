package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.member.OrganisationKind;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What a registrant submits (form, API or desk). The organisation is chosen from the registry by id,
 * or named when it is new (staff then review it). Answers are keyed by question id; several choices
 * of a multiple-choice question are several values. Colleagues are registered in the same submission.
 * {@code waitingList}: join the waiting list when the event or a session is full, instead of a refusal.
 */
@Serdeable
@Introspected
public record RegistrationRequest(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String functionTitle,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Long organisationId,
        @Nullable String organisationName,
        @Nullable String organisationCountry,
        @Nullable OrganisationKind organisationKind,
        @Nullable ParticipantType participantType,
        @Nullable String dietaryNeeds,
        @Nullable String accessibilityNeeds,
        @Nullable String interpretationLanguage,
        boolean consent,
        @Nullable List<Long> sessionIds,
        @Nullable Map<String, List<String>> answers,
        @Nullable List<Colleague> colleagues,
        boolean waitingList,
        @Nullable String locale,
        @Nullable Integer attendanceDay) {

    /** {@code attendanceDay}: null to come every day, or the day (1-based) of a day pass. */
    @io.micronaut.core.annotation.Creator
    public RegistrationRequest {
    }

    /** A request for the whole event (no day pass). */
    public RegistrationRequest(String firstName, String lastName, String functionTitle, String email, String phone,
                               Long organisationId, String organisationName, String organisationCountry,
                               OrganisationKind organisationKind, ParticipantType participantType,
                               String dietaryNeeds, String accessibilityNeeds, String interpretationLanguage,
                               boolean consent, List<Long> sessionIds, Map<String, List<String>> answers,
                               List<Colleague> colleagues, boolean waitingList, String locale) {
        this(firstName, lastName, functionTitle, email, phone, organisationId, organisationName, organisationCountry,
                organisationKind, participantType, dietaryNeeds, accessibilityNeeds, interpretationLanguage, consent,
                sessionIds, answers, colleagues, waitingList, locale, null);
    }

    /** A colleague of the same organisation registered by the submitter. */
    @Serdeable
    @Introspected
    public record Colleague(@Nullable String firstName, @Nullable String lastName, @Nullable String functionTitle,
                            @Nullable String email, @Nullable ParticipantType participantType) {
    }

    /** The same request in {@code language} when it names none (the API's Accept-Language): every mail uses it. */
    public RegistrationRequest inLanguageIfMissing(String language) {
        return locale != null && !locale.isBlank() ? this : new RegistrationRequest(firstName, lastName, functionTitle,
                email, phone, organisationId, organisationName, organisationCountry, organisationKind, participantType,
                dietaryNeeds, accessibilityNeeds, interpretationLanguage, consent, sessionIds, answers, colleagues,
                waitingList, language, attendanceDay);
    }

    public List<Long> sessions() {
        return sessionIds == null ? List.of() : sessionIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    public List<Colleague> colleagueList() {
        return colleagues == null ? List.of() : colleagues.stream()
                .filter(c -> !(blank(c.firstName()) && blank(c.lastName()) && blank(c.email()))).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
