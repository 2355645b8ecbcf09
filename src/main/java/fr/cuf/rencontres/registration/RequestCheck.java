package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a registration request against its event's questions and sessions; every problem at once. */
@Singleton
class RequestCheck {

    static final int MAX_COLLEAGUES = 30;
    /** Answer values in one registration: far more than any event's questions need, far fewer than a flood. */
    static final int MAX_ANSWERS = 200;

    /** The version of the privacy notice in force (privacy.PrivacyNotices: published by staff, cached briefly). */
    private final fr.cuf.rencontres.privacy.PrivacyNotices notices;

    RequestCheck(fr.cuf.rencontres.privacy.PrivacyNotices notices) {
        this.notices = notices;
    }

    record Valid(List<Long> sessionIds, Map<Long, String> answers, String consentVersion) {
    }

    Valid validate(RegistrationRequest r, Submission submission, List<Question> questions,
                   Map<Long, SessionSeats> sessions) {
        Validator v = new Validator()
                .required("firstName", r.firstName()).maxLength("firstName", r.firstName(), 120)
                .required("lastName", r.lastName()).maxLength("lastName", r.lastName(), 120)
                .maxLength("functionTitle", r.functionTitle(), 300)
                .required("email", r.email()).email("email", Registrants.normalise(r.email()))
                .maxLength("email", r.email(), 254)
                .maxLength("phone", r.phone(), 40)
                .required("participantType", r.participantType())
                .maxLength("dietaryNeeds", r.dietaryNeeds(), 500)
                .maxLength("accessibilityNeeds", r.accessibilityNeeds(), 500)
                .maxLength("interpretationLanguage", r.interpretationLanguage(), 10)
                .maxLength("organisationName", r.organisationName(), 300);
        if (r.organisationId() == null && RegistrationRequest.blank(r.organisationName())) {
            v.add(Problem.field("organisationId", "organisation_required"));
        }
        if (!r.consent()) {
            v.add(Problem.field("consent", "consent_required"));
        }
        List<RegistrationRequest.Colleague> colleagues = r.colleagueList();
        if (colleagues.size() > MAX_COLLEAGUES) {
            v.add(Problem.field("colleagues", "too_many_colleagues", MAX_COLLEAGUES));
        }
        Set<String> emails = new HashSet<>();
        emails.add(Registrants.normalise(r.email()));
        for (int i = 0; i < colleagues.size(); i++) {
            RegistrationRequest.Colleague c = colleagues.get(i);
            String field = "colleagues[" + i + "]";
            v.required(field + ".firstName", c.firstName()).required(field + ".lastName", c.lastName())
                    .required(field + ".email", c.email()).email(field + ".email", Registrants.normalise(c.email()));
            if (c.email() != null && !emails.add(Registrants.normalise(c.email()))) {
                v.add(Problem.field(field + ".email", "duplicate_email", c.email()));
            }
        }
        List<Long> sessionIds = r.sessions();
        for (Long id : sessionIds) {
            if (!sessions.containsKey(id)) {
                v.add(Problem.field("sessionIds", "session_not_found"));
            }
        }
        if (!v.hasProblems()) {
            for (int i = 0; i < sessionIds.size(); i++) {
                for (int j = i + 1; j < sessionIds.size(); j++) {
                    SessionSeats a = sessions.get(sessionIds.get(i));
                    SessionSeats b = sessions.get(sessionIds.get(j));
                    if (a.overlaps(b)) {
                        v.add(Problem.field("sessionIds", "sessions_overlap", a.title(), b.title()));
                    }
                }
            }
        }
        Map<Long, String> answers = answers(r.answers() == null ? Map.of() : r.answers(), questions, v);
        v.throwIfInvalid();
        return new Valid(sessionIds, answers, notices.currentVersion());
    }

    /** The answers to the event's questions, checked against each question's kind and options. */
    static Map<Long, String> answers(Map<String, List<String>> given, List<Question> questions, Validator v) {
        Map<Long, String> answers = new LinkedHashMap<>();
        long count = given.values().stream().mapToLong(l -> l == null ? 1 : Math.max(1, l.size())).sum();
        if (count > MAX_ANSWERS) {
            v.add(Problem.field("answers", "too_many_answers", MAX_ANSWERS));
            return answers;
        }
        Set<String> known = new HashSet<>();
        questions.forEach(q -> known.add(String.valueOf(q.id())));
        for (String id : given.keySet()) {
            if (!known.contains(id)) {
                v.add(Problem.field("answers." + id, "unknown_question", id));
            }
        }
        for (Question q : questions) {
            String field = "answers." + q.id();
            List<String> values = new ArrayList<>();
            for (String value : given.getOrDefault(String.valueOf(q.id()), List.of())) {
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                }
            }
            if (values.isEmpty()) {
                if (q.required()) {
                    v.add(Problem.field(field, "answer_required"));
                }
                continue;
            }
            if (q.choice() && !q.optionList().containsAll(values)) {
                v.add(Problem.field(field, "invalid_choice"));
            } else if (q.kind() != QuestionKind.MULTIPLE_CHOICE && values.size() > 1) {
                v.add(Problem.field(field, "one_answer_only"));
            } else if (String.join("\n", values).length() > 2000) {
                v.add(Problem.field(field, "too_long", 2000));
            } else {
                answers.put(q.id(), String.join("\n", values));
            }
        }
        return answers;
    }
}
