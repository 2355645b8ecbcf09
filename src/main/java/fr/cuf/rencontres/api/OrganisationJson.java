package fr.cuf.rencontres.api;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationListing;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An organisation as staff see it, with the years it was a member of CUF (oldest first). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganisationJson(
        long id,
        String name,
        OrganisationKind kind,
        String country,
        @Nullable String siren,
        @Nullable String inseeCode,
        @Nullable String address,
        @Nullable String postalCode,
        @Nullable String city,
        List<Integer> memberYears) {

    static OrganisationJson of(OrganisationListing listing) {
        Organisation o = listing.organisation();
        return new OrganisationJson(o.id(), o.name(), o.kind(), o.country(), o.siren(), o.inseeCode(), o.addressLine(),
                o.postalCode(), o.city(), listing.memberYears());
    }
}
