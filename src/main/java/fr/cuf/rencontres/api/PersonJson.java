package fr.cuf.rencontres.api;

import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A chair or a speaker as a programme prints them: no e-mail, no phone. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonJson(String name, @Nullable String function) {

    static @Nullable PersonJson of(@Nullable Person p) {
        return p == null ? null : new PersonJson(p.fullName(), p.functionTitle());
    }
}
