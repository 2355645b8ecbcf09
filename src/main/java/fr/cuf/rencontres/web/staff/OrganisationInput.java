package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The organisation form as the browser sends it: strings, echoed back as typed when refused. */
@Serdeable
@Introspected
record OrganisationInput(@Nullable String name, @Nullable String kind, @Nullable String country,
                         @Nullable String siren, @Nullable String inseeCode, @Nullable String addressLine,
                         @Nullable String postalCode, @Nullable String city) {

    static OrganisationInput blank() {
        return new OrganisationInput(null, null, "FR", null, null, null, null, null);
    }

    static OrganisationInput of(OrganisationForm f) {
        return new OrganisationInput(f.name(), Parse.text(f.kind()), f.country(), f.siren(), f.inseeCode(),
                f.addressLine(), f.postalCode(), f.city());
    }

    OrganisationForm toForm() {
        Parse p = new Parse();
        OrganisationKind k = p.choice("kind", kind, OrganisationKind.class);
        p.throwIfInvalid();
        return new OrganisationForm(name, k, country, siren, inseeCode, addressLine, postalCode, city);
    }
}
