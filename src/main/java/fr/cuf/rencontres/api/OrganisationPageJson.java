package fr.cuf.rencontres.api;

import fr.cuf.rencontres.member.OrganisationPage;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of organisations (pages numbered from 1) and the number of matches over all pages. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganisationPageJson(List<OrganisationJson> items, int page, int size, long total) {

    static OrganisationPageJson of(OrganisationPage p) {
        return new OrganisationPageJson(p.items().stream().map(OrganisationJson::of).toList(), p.page(), p.size(),
                p.total());
    }
}
