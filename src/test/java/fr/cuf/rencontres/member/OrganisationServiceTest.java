package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class OrganisationServiceTest {

    @Inject OrganisationService service;
    @Inject OrganisationRepository repository;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
    }

    private static OrganisationForm commune(String name, String siren) {
        return new OrganisationForm(name, OrganisationKind.COMMUNE, "fr", siren, null, null, null, "Dijon");
    }

    @Test
    void a_french_commune_is_created_with_its_normalised_siren_and_country() {
        Organisation o = service.create(commune("  Ville de Dijon ", "212 123 111"), "test");
        assertEquals("Ville de Dijon", o.name());
        assertEquals("212123111", o.siren());
        assertEquals("FR", o.country());
    }

    @Test
    void every_problem_of_a_form_is_reported_at_once_and_nothing_is_written() {
        DomainException e = assertThrows(DomainException.class, () -> service.create(
                new OrganisationForm("", OrganisationKind.REGION, "XX", "123", null, null, null, null), "test"));
        List<String> codes = e.problems().stream().map(Problem::code).toList();
        assertTrue(codes.containsAll(List.of("required", "invalid_country", "invalid_siren")), codes.toString());
        assertEquals("name", e.problems().get(0).field());
        assertEquals(0, repository.count());
    }

    @Test
    void a_french_local_authority_needs_a_siren_but_a_foreign_one_does_not() {
        DomainException e = assertThrows(DomainException.class, () -> service.create(commune("Ville de Dijon", null), "test"));
        assertEquals("siren_required", e.code());
        Organisation dakar = service.create(new OrganisationForm("Ville de Dakar", OrganisationKind.FOREIGN_LOCAL_AUTHORITY,
                "SN", null, null, null, null, "Dakar"), "test");
        assertEquals("SN", dakar.country());
    }

    @Test
    void a_siren_belongs_to_one_organisation_only() {
        service.create(commune("Ville de Dijon", "212123111"), "test");
        DomainException e = assertThrows(DomainException.class,
                () -> service.create(commune("Dijon bis", "212123111"), "test"));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("siren_taken", e.code());
    }

    @Test
    void membership_is_yearly_and_adding_it_twice_changes_nothing() {
        Organisation o = service.create(commune("Ville de Dijon", "212123111"), "test");
        service.addMembership(o.id(), 2026, "test");
        service.addMembership(o.id(), 2026, "test");
        assertTrue(service.isMember(o.id(), 2026));
        assertFalse(service.isMember(o.id(), 2025));
        assertEquals(List.of(2026), service.membershipYears(o.id()));
        service.removeMembership(o.id(), 2026, "test");
        assertFalse(service.isMember(o.id(), 2026));
    }

    @Test
    void a_membership_year_too_far_in_the_future_is_refused() {
        Organisation o = service.create(commune("Ville de Dijon", "212123111"), "test");
        DomainException e = assertThrows(DomainException.class, () -> service.addMembership(o.id(), 2030, "test"));
        assertEquals("invalid_membership_year", e.code());
    }

    @Test
    void changes_leave_an_audit_entry() {
        Organisation o = service.create(commune("Ville de Dijon", "212123111"), "test");
        service.addMembership(o.id(), 2026, "alice");
        assertEquals("membership.added", auditActions(o.id()).get(0));
    }

    @Inject fr.cuf.rencontres.support.AuditLog audit;

    private List<String> auditActions(long id) {
        return audit.of("organisation", id).stream().map(fr.cuf.rencontres.support.AuditEntry::action).toList();
    }
}
