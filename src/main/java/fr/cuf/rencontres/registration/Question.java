package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A question staff ask the registrants of one event. Options are one per line (choice questions). */
@MappedEntity("registration_question")
public record Question(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        int position,
        QuestionKind kind,
        String labelFr,
        String labelEn,
        @Nullable String options,
        boolean required,
        Instant createdAt) {

    public List<String> optionList() {
        if (kind == QuestionKind.YES_NO) {
            return List.of("yes", "no");
        }
        return options == null ? List.of()
                : Arrays.stream(options.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }

    public boolean choice() {
        return kind != QuestionKind.TEXT;
    }
}
