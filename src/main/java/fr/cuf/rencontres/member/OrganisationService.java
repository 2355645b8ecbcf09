package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.Countries;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Locale;

/** Organisations and their yearly membership: the only way they are written. */
@Singleton
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, MembershipRepository memberships,
                        AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    public Organisation get(long id) {
        return organisations.findById(id).orElseThrow(() -> DomainException.notFound("organisation_not_found"));
    }

    @Transactional
    public Organisation create(OrganisationForm form, String actor) {
        OrganisationForm clean = validate(form, null);
        Instant now = clock.instant();
        Organisation saved = organisations.save(new Organisation(null, clean.name(), clean.kind(), clean.country(),
                clean.siren(), clean.inseeCode(), clean.addressLine(), clean.postalCode(), clean.city(), now, now, null));
        audit.record(actor, "organisation.created", "organisation", saved.id(), saved.name());
        return saved;
    }

    @Transactional
    public Organisation update(long id, OrganisationForm form, String actor) {
        Organisation current = get(id);
        OrganisationForm clean = validate(form, id);
        Organisation saved = organisations.update(new Organisation(id, clean.name(), clean.kind(), clean.country(),
                clean.siren(), clean.inseeCode(), clean.addressLine(), clean.postalCode(), clean.city(),
                current.createdAt(), clock.instant(), current.version()));
        audit.record(actor, "organisation.updated", "organisation", id, saved.name());
        return saved;
    }

    /** Records that the organisation is a member for that year; saying it twice changes nothing. */
    @Transactional
    public void addMembership(long organisationId, int year, String actor) {
        get(organisationId);
        checkYear(year);
        if (!memberships.existsByOrganisationIdAndMembershipYear(organisationId, year)) {
            memberships.save(new Membership(null, organisationId, year, clock.instant()));
            audit.record(actor, "membership.added", "organisation", organisationId, String.valueOf(year));
        }
    }

    @Transactional
    public void removeMembership(long organisationId, int year, String actor) {
        get(organisationId);
        memberships.deleteByOrganisationIdAndMembershipYear(organisationId, year);
        audit.record(actor, "membership.removed", "organisation", organisationId, String.valueOf(year));
    }

    public boolean isMember(Long organisationId, int year) {
        return organisationId != null && memberships.existsByOrganisationIdAndMembershipYear(organisationId, year);
    }

    public List<Integer> membershipYears(long organisationId) {
        return memberships.findByOrganisationIdOrderByMembershipYearDesc(organisationId).stream()
                .map(Membership::membershipYear).toList();
    }

    private void checkYear(int year) {
        int current = Year.now(clock).getValue();
        if (year < 1975 || year > current + 1) {
            throw DomainException.invalid("membershipYear", "invalid_membership_year", current + 1);
        }
    }

    /** Trims and normalises the form, then refuses it with every problem found. */
    private OrganisationForm validate(OrganisationForm form, Long id) {
        String country = trim(form.country()) == null ? null : trim(form.country()).toUpperCase(Locale.ROOT);
        String siren = trim(form.siren()) == null ? null : Siren.normalise(trim(form.siren()));
        Validator v = new Validator()
                .required("name", trim(form.name()))
                .maxLength("name", trim(form.name()), 300)
                .required("kind", form.kind())
                .required("country", country)
                .check("country", country, Countries::isValid, "invalid_country")
                .check("siren", siren, Siren::isValid, "invalid_siren")
                .check("inseeCode", trim(form.inseeCode()), c -> c.matches("\\d[0-9AB]\\d{3}"), "invalid_insee_code");
        if (form.kind() != null && form.kind().isFrenchLocalAuthority() && siren == null) {
            v.add(Problem.field("siren", "siren_required"));
        }
        v.throwIfInvalid();
        if (siren != null) {
            organisations.findBySiren(siren).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw DomainException.conflict("siren", "siren_taken", other.name());
            });
        }
        return new OrganisationForm(trim(form.name()), form.kind(), country, siren, trim(form.inseeCode()),
                trim(form.addressLine()), trim(form.postalCode()), trim(form.city()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
