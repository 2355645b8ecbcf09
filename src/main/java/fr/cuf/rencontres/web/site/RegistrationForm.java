package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the public form's fields (urlencoded, some repeated) into a {@link RegistrationRequest}:
 * {@code block.N} session per time slot, {@code answer.ID} answers, {@code colleague.N.field} colleagues.
 */
final class RegistrationForm {

    static final int COLLEAGUE_ROWS = 5;

    private RegistrationForm() {
    }

    /** A problem about a form field ({@code colleague.N.x}, {@code answer.ID}) as about the request's field. */
    static fr.cuf.rencontres.support.Problem asRequestProblem(fr.cuf.rencontres.support.Problem p) {
        if (p.field() == null) {
            return p;
        }
        String field = p.field().replaceFirst("^colleague\\.(\\d+)\\.", "colleagues[$1].").replaceFirst("^answer\\.", "answers.");
        return new fr.cuf.rencontres.support.Problem(p.code(), field, p.args());
    }

    static RegistrationRequest read(Map<String, Object> form, String locale) {
        List<Long> sessions = new ArrayList<>();
        Map<String, List<String>> answers = new LinkedHashMap<>();
        List<RegistrationRequest.Colleague> colleagues = new ArrayList<>();
        form.forEach((key, value) -> {
            if (key.startsWith("block.")) {
                values(value).stream().filter(v -> v.matches("\\d+")).forEach(v -> sessions.add(Long.valueOf(v)));
            } else if (key.startsWith("answer.")) {
                answers.put(key.substring("answer.".length()), values(value));
            }
        });
        for (int i = 0; i < COLLEAGUE_ROWS; i++) {
            String p = "colleague." + i + ".";
            colleagues.add(new RegistrationRequest.Colleague(one(form, p + "firstName"), one(form, p + "lastName"),
                    one(form, p + "functionTitle"), one(form, p + "email"), type(one(form, p + "participantType"))));
        }
        String organisationId = one(form, "organisationId");
        String day = one(form, "attendanceDay");
        return RegistrationRequest.builder()
                .name(one(form, "firstName"), one(form, "lastName")).functionTitle(one(form, "functionTitle"))
                .email(one(form, "email")).phone(one(form, "phone"))
                .organisationId(organisationId != null && organisationId.matches("\\d+") ? Long.valueOf(organisationId) : null)
                .organisationName(one(form, "organisationName")).organisationCountry(one(form, "organisationCountry"))
                .organisationKind(kind(one(form, "organisationKind")))
                .participantType(type(one(form, "participantType")))
                .dietaryNeeds(one(form, "dietaryNeeds")).accessibilityNeeds(one(form, "accessibilityNeeds"))
                .interpretationLanguage(one(form, "interpretationLanguage")).consent(one(form, "consent") != null)
                .sessionIds(sessions).answers(answers).colleagues(colleagues).waitingList(true).locale(locale)
                .attendanceDay(day != null && day.matches("\\d{1,2}") ? Integer.valueOf(day) : null).build();
    }

    /** The values the page shows again when the form is refused. */
    static Map<String, Object> echo(Map<String, Object> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k.replace('.', '_'), values(v).size() == 1 ? values(v).get(0) : values(v)));
        return values;
    }

    static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Iterable<?> many) {
            List<String> out = new ArrayList<>();
            many.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return List.of(String.valueOf(value));
    }

    static String one(Map<String, Object> form, String key) {
        List<String> v = values(form.get(key));
        return v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }

    private static ParticipantType type(String s) {
        try {
            return s == null ? null : ParticipantType.valueOf(s);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static OrganisationKind kind(String s) {
        try {
            return s == null ? null : OrganisationKind.valueOf(s);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
