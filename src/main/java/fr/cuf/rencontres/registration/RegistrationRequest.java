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

    /** A request built field by field; lists and answers start empty, consent and waiting list false. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder().firstName(firstName).lastName(lastName).functionTitle(functionTitle).email(email)
                .phone(phone).organisationId(organisationId).organisationName(organisationName)
                .organisationCountry(organisationCountry).organisationKind(organisationKind)
                .participantType(participantType).dietaryNeeds(dietaryNeeds).accessibilityNeeds(accessibilityNeeds)
                .interpretationLanguage(interpretationLanguage).consent(consent).sessionIds(sessionIds)
                .answers(answers).colleagues(colleagues).waitingList(waitingList).locale(locale)
                .attendanceDay(attendanceDay);
    }

    /** A colleague of the same organisation registered by the submitter. */
    @Serdeable
    @Introspected
    public record Colleague(@Nullable String firstName, @Nullable String lastName, @Nullable String functionTitle,
                            @Nullable String email, @Nullable ParticipantType participantType) {
    }

    /** The same request in {@code language} when it names none (the API's Accept-Language): every mail uses it. */
    public RegistrationRequest inLanguageIfMissing(String language) {
        return locale != null && !locale.isBlank() ? this : toBuilder().locale(language).build();
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

    /** Names each field of a request instead of 20 positions. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String functionTitle;
        private String email;
        private String phone;
        private Long organisationId;
        private String organisationName;
        private String organisationCountry;
        private OrganisationKind organisationKind;
        private ParticipantType participantType;
        private String dietaryNeeds;
        private String accessibilityNeeds;
        private String interpretationLanguage;
        private boolean consent;
        private List<Long> sessionIds = List.of();
        private Map<String, List<String>> answers = Map.of();
        private List<Colleague> colleagues = List.of();
        private boolean waitingList;
        private String locale;
        private Integer attendanceDay;

        private Builder() {
        }

        /** The submitter's first and last name. */
        public Builder name(String firstName, String lastName) {
            return firstName(firstName).lastName(lastName);
        }

        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        public Builder functionTitle(String functionTitle) {
            this.functionTitle = functionTitle;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** An organisation of the registry. */
        public Builder organisationId(Long organisationId) {
            this.organisationId = organisationId;
            return this;
        }

        /** A new organisation, named by the registrant (staff review it). */
        public Builder organisationName(String organisationName) {
            this.organisationName = organisationName;
            return this;
        }

        public Builder organisationCountry(String organisationCountry) {
            this.organisationCountry = organisationCountry;
            return this;
        }

        public Builder organisationKind(OrganisationKind organisationKind) {
            this.organisationKind = organisationKind;
            return this;
        }

        public Builder participantType(ParticipantType participantType) {
            this.participantType = participantType;
            return this;
        }

        public Builder dietaryNeeds(String dietaryNeeds) {
            this.dietaryNeeds = dietaryNeeds;
            return this;
        }

        public Builder accessibilityNeeds(String accessibilityNeeds) {
            this.accessibilityNeeds = accessibilityNeeds;
            return this;
        }

        public Builder interpretationLanguage(String interpretationLanguage) {
            this.interpretationLanguage = interpretationLanguage;
            return this;
        }

        public Builder consent(boolean consent) {
            this.consent = consent;
            return this;
        }

        public Builder sessionIds(List<Long> sessionIds) {
            this.sessionIds = sessionIds;
            return this;
        }

        /** Answers keyed by question id. */
        public Builder answers(Map<String, List<String>> answers) {
            this.answers = answers;
            return this;
        }

        public Builder colleagues(List<Colleague> colleagues) {
            this.colleagues = colleagues;
            return this;
        }

        public Builder waitingList(boolean waitingList) {
            this.waitingList = waitingList;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** Null to come every day, or the day (1-based) of a day pass. */
        public Builder attendanceDay(Integer attendanceDay) {
            this.attendanceDay = attendanceDay;
            return this;
        }

        public RegistrationRequest build() {
            return new RegistrationRequest(firstName, lastName, functionTitle, email, phone, organisationId,
                    organisationName, organisationCountry, organisationKind, participantType, dietaryNeeds,
                    accessibilityNeeds, interpretationLanguage, consent, sessionIds, answers, colleagues, waitingList,
                    locale, attendanceDay);
        }
    }
}
