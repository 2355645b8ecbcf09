package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TextInputs;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Locale;

/**
 * Who pays for a submission: the organisation chosen, with its membership for the event's year (one statement), or
 * the one typed in, created and flagged for staff review; none when neither is given.
 */
@Singleton
class Payers {

    private final RegistrationDetailRepository store;
    private final OrganisationService organisations;
    private final Clock clock;

    Payers(RegistrationDetailRepository store, OrganisationService organisations, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Nullable
    RegistrationDetailRepository.Payer of(Event event, RegistrationRequest request, Submission submission) {
        int year = Times.paris(event.startsAt()).getYear();
        if (request.organisationId() != null) {
            return store.payer(request.organisationId(), year)
                    .orElseThrow(() -> DomainException.notFound("organisation_not_found"));
        }
        Organisation created = created(request, submission);
        return created == null ? null : new RegistrationDetailRepository.Payer(created.id(), created.kind(), created.country(), false);
    }

    private Organisation created(RegistrationRequest request, Submission submission) {
        if (RegistrationRequest.blank(request.organisationName())) {
            return null;
        }
        String country = RegistrationRequest.blank(request.organisationCountry()) ? "FR"
                : request.organisationCountry().strip().toUpperCase(Locale.ROOT);
        OrganisationKind kind = request.organisationKind() == null || request.organisationKind().isFrenchLocalAuthority()
                ? (country.equals("FR") ? OrganisationKind.OTHER : OrganisationKind.FOREIGN_LOCAL_AUTHORITY)
                : request.organisationKind();
        Organisation created = organisations.create(new OrganisationForm(TextInputs.name(request.organisationName()).strip(),
                kind, country, null, null, null, null, null), submission.actor());
        store.flagForReview(created.id(), clock.instant());
        return created;
    }
}
