package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What staff (or an import) say about an organisation; validated by {@link OrganisationService}. */
@Serdeable
@Introspected
public record OrganisationForm(
        @Nullable String name,
        @Nullable OrganisationKind kind,
        @Nullable String country,
        @Nullable String siren,
        @Nullable String inseeCode,
        @Nullable String addressLine,
        @Nullable String postalCode,
        @Nullable String city) {

    public static OrganisationForm of(Organisation o) {
        return new OrganisationForm(o.name(), o.kind(), o.country(), o.siren(), o.inseeCode(),
                o.addressLine(), o.postalCode(), o.city());
    }
}
