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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /**
     * Creates many organisations at once (an import): each form is validated as by {@link #create}, the
     * SIRENs are checked against the stored ones in one query per thousand, the rows are written in batches.
     */
    @Transactional
    public List<Organisation> createAll(List<OrganisationForm> forms, String actor) {
        List<OrganisationForm> clean = new ArrayList<>(forms.size());
        List<Problem> problems = new ArrayList<>();
        Set<String> sirens = new HashSet<>();
        for (OrganisationForm form : forms) {
            OrganisationForm c = normalise(form);
            problems.addAll(check(c));
            if (c.siren() != null && !sirens.add(c.siren())) {
                problems.add(Problem.field("siren", "siren_taken", c.name()));
            }
            clean.add(c);
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        List<String> sirenList = new ArrayList<>(sirens);
        for (int i = 0; i < sirenList.size(); i += 1000) {
            List<Organisation> taken = organisations.findBySirenIn(sirenList.subList(i, Math.min(i + 1000, sirenList.size())));
            if (!taken.isEmpty()) {
                throw DomainException.conflict("siren", "siren_taken", taken.get(0).name());
            }
        }
        Instant now = clock.instant();
        List<Organisation> saved = new ArrayList<>();
        organisations.saveAll(clean.stream().map(c -> new Organisation(null, c.name(), c.kind(), c.country(), c.siren(),
                c.inseeCode(), c.addressLine(), c.postalCode(), c.city(), now, now, null)).toList()).forEach(saved::add);
        Map<Long, String> details = new LinkedHashMap<>();
        saved.forEach(o -> details.put(o.id(), o.name()));
        audit.recordAll(actor, "organisation.created", "organisation", details);
        return saved;
    }

    /** Adds membership years to many organisations at once (an import); years already recorded are skipped. */
    @Transactional
    public void addMemberships(Map<Long, ? extends Collection<Integer>> yearsByOrganisation, String actor) {
        List<Problem> problems = new ArrayList<>();
        yearsByOrganisation.values().forEach(years -> years.forEach(y -> problems.addAll(checkYear(y))));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems.subList(0, 1));
        }
        List<Long> ids = new ArrayList<>(yearsByOrganisation.keySet());
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            memberships.findByOrganisationIdIn(ids.subList(i, Math.min(i + 1000, ids.size())))
                    .forEach(m -> existing.add(m.organisationId() + "/" + m.membershipYear()));
        }
        Instant now = clock.instant();
        List<Membership> added = new ArrayList<>();
        Map<Long, String> details = new LinkedHashMap<>();
        yearsByOrganisation.forEach((id, years) -> years.stream().sorted().forEach(year -> {
            if (existing.add(id + "/" + year)) {
                added.add(new Membership(null, id, year, now));
                details.merge(id, String.valueOf(year), (a, b) -> a + "," + b);
            }
        }));
        memberships.saveAll(added);
        audit.recordAll(actor, "membership.added", "organisation", details);
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
        List<Problem> problems = checkYear(Integer.valueOf(year));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    /** Trims and normalises the form, then refuses it with every problem found. */
    private OrganisationForm validate(OrganisationForm form, Long id) {
        OrganisationForm clean = normalise(form);
        List<Problem> problems = check(clean);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (clean.siren() != null) {
            organisations.findBySiren(clean.siren()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw DomainException.conflict("siren", "siren_taken", other.name());
            });
        }
        return clean;
    }

    /** The form as it would be stored: trimmed, country in upper case, SIREN as digits only. */
    public OrganisationForm normalise(OrganisationForm form) {
        String country = trim(form.country()) == null ? null : trim(form.country()).toUpperCase(Locale.ROOT);
        String siren = trim(form.siren()) == null ? null : Siren.normalise(trim(form.siren()));
        return new OrganisationForm(trim(fr.cuf.rencontres.support.TextInputs.name(form.name())), form.kind(), country, siren, trim(form.inseeCode()),
                trim(form.addressLine()), trim(form.postalCode()), trim(form.city()));
    }

    /**
     * Every problem of a normalised form that needs no database (an import previews thousands of rows
     * with it); SIREN uniqueness is checked when writing.
     */
    public List<Problem> check(OrganisationForm clean) {
        Validator v = new Validator()
                .required("name", clean.name())
                .maxLength("name", clean.name(), 300)
                .required("kind", clean.kind())
                .required("country", clean.country())
                .check("country", clean.country(), Countries::isValid, "invalid_country")
                .check("siren", clean.siren(), Siren::isValid, "invalid_siren")
                .check("inseeCode", clean.inseeCode(), c -> c.matches("\\d[0-9AB]\\d{3}"), "invalid_insee_code")
                .maxLength("addressLine", clean.addressLine(), 300)
                .maxLength("postalCode", clean.postalCode(), 20)
                .maxLength("city", clean.city(), 120);
        if (clean.kind() != null && clean.kind().isFrenchLocalAuthority() && clean.siren() == null) {
            v.add(Problem.field("siren", "siren_required"));
        }
        return v.problems();
    }

    /** The years an organisation may be recorded as a member for, or a refusal. */
    public List<Problem> checkYear(Integer year) {
        int current = Year.now(clock).getValue();
        return year == null || year < 1975 || year > current + 1
                ? List.of(Problem.field("membershipYear", "invalid_membership_year", current + 1)) : List.of();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
