package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.PersonForm;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
record PersonInput(@Nullable String firstName, @Nullable String lastName, @Nullable String functionTitle,
                   @Nullable String email, @Nullable String phone, @Nullable String organisationId,
                   @Nullable String electedOfficial) {

    static PersonInput blank(Long organisationId) {
        return new PersonInput(null, null, null, null, null, Parse.text(organisationId), null);
    }

    static PersonInput of(PersonForm f) {
        return new PersonInput(f.firstName(), f.lastName(), f.functionTitle(), f.email(), f.phone(),
                Parse.text(f.organisationId()), Boolean.TRUE.equals(f.electedOfficial()) ? "true" : null);
    }

    PersonForm toForm() {
        Parse p = new Parse();
        Long organisation = p.id("organisationId", organisationId);
        p.throwIfInvalid();
        return new PersonForm(firstName, lastName, functionTitle, email, phone, organisation,
                Parse.checked(electedOfficial));
    }
}
