package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What staff (or an import) say about a person; validated by {@link PersonService}. */
@Serdeable
@Introspected
public record PersonForm(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String functionTitle,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Long organisationId,
        @Nullable Boolean electedOfficial) {

    public static PersonForm of(Person p) {
        return new PersonForm(p.firstName(), p.lastName(), p.functionTitle(), p.email(), p.phone(),
                p.organisationId(), p.electedOfficial());
    }
}
