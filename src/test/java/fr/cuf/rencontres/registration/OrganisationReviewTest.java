package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
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
class OrganisationReviewTest {

    @Inject RegistrationService service;
    @Inject OrganisationReviews reviews;
    @Inject RegistrationViews views;
    @Inject OrganisationRepository organisations;
    @Inject RegistrationFixtures fixtures;
    @Inject AuditLog audit;
    @Inject DataSource dataSource;

    Event event;
    Organisation dijon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.member();
        event = fixtures.conference(fixtures.venue(), null);
        fixtures.prices(event);
    }

    /** Registers with an organisation typed on the form ("Nouvelle association", flagged for review). */
    private RegistrationOutcome registerWithTypedOrganisation(String email) {
        return service.register(event.slug(), RegistrationFixtures.request("Awa", email, null, List.of(), false),
                Submission.form(null));
    }

    private long typedOrganisationOf(RegistrationOutcome outcome) {
        return views.get(outcome.id()).registration().organisationId();
    }

    @Test
    void listsTypedOrganisationsWithWhoRegisteredAndWhen() {
        RegistrationOutcome awa = registerWithTypedOrganisation("awa@example.org");
        List<OrganisationReviews.Pending> pending = reviews.pending();
        assertEquals(1, pending.size());
        assertEquals("Nouvelle association", pending.get(0).organisation().name());
        assertEquals(awa.id(), pending.get(0).registrants().get(0).registrationId());
        assertEquals("awa@example.org", pending.get(0).registrants().get(0).email());
    }

    @Test
    void approvingKeepsTheCorrectedOrganisationAndClearsTheFlag() {
        RegistrationOutcome awa = registerWithTypedOrganisation("awa@example.org");
        long typed = typedOrganisationOf(awa);
        reviews.approve(typed, "Association des maires du Morvan", "FR", OrganisationKind.ASSOCIATION, "desk");
        assertTrue(reviews.pending().isEmpty(), "approved organisations leave the review list");
        Organisation kept = organisations.findById(typed).orElseThrow();
        assertEquals("Association des maires du Morvan", kept.name());
        assertEquals(OrganisationKind.ASSOCIATION, kept.kind());
        assertEquals(typed, typedOrganisationOf(awa));
        assertTrue(audit.of("organisation", typed).stream().anyMatch(e -> e.action().equals("organisation.review.approved")));
        assertThrows(DomainException.class, () -> reviews.approve(typed, null, null, null, "desk"),
                "an organisation is reviewed once");
    }

    @Test
    void mergingMovesRegistrationsAndPeopleButKeepsTheStoredPrice() {
        RegistrationOutcome awa = registerWithTypedOrganisation("awa@example.org");
        long typed = typedOrganisationOf(awa);
        assertEquals("non-member", awa.quote().categoryCode(), "a typed organisation is not a member");
        assertEquals(12000, awa.quote().priceCents());

        assertEquals(1, reviews.merge(typed, dijon.id(), "desk"));

        RegistrationView moved = views.get(awa.id());
        assertEquals(dijon.id(), moved.registration().organisationId());
        assertEquals(dijon.id(), moved.person().organisationId());
        assertEquals("non-member", moved.registration().priceCategory(), "the stored price is not recomputed");
        assertEquals(12000, moved.registration().priceCents());
        assertFalse(organisations.findById(typed).isPresent(), "the typed organisation is gone");
        assertTrue(reviews.pending().isEmpty());
        assertTrue(audit.of("organisation", dijon.id()).stream().anyMatch(e -> e.action().equals("organisation.review.merged")));
    }

    @Test
    void refusesToMergeAnOrganisationIntoItself() {
        long typed = typedOrganisationOf(registerWithTypedOrganisation("awa@example.org"));
        assertThrows(DomainException.class, () -> reviews.merge(typed, typed, "desk"));
        assertEquals(1, reviews.pending().size());
    }

    @Test
    void rejectingDeletesTheOrganisationAndKeepsTheRegistration() {
        RegistrationOutcome awa = registerWithTypedOrganisation("awa@example.org");
        long typed = typedOrganisationOf(awa);
        reviews.reject(typed, "desk");
        assertFalse(organisations.findById(typed).isPresent());
        RegistrationView kept = views.get(awa.id());
        assertEquals(null, kept.registration().organisationId());
        assertEquals(RegistrationStatus.PENDING_PAYMENT, kept.registration().status());
        assertTrue(reviews.pending().isEmpty());
    }

    @Test
    void refusesToReviewAnOrganisationThatWasNotTyped() {
        assertThrows(DomainException.class, () -> reviews.reject(dijon.id(), "desk"));
        assertTrue(organisations.findById(dijon.id()).isPresent());
    }
}
