package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff review of the organisations registrants typed on the public form (flagged in
 * {@code organisation_review}): approve (keep it, possibly corrected), merge into an existing organisation
 * (its registrations, people and groups move there; the prices stored on the registrations stay as they
 * were quoted, they are not recomputed), or reject (the organisation is deleted; its registrations and people
 * keep no organisation, and their stored prices stay). Every decision is audited.
 */
@Singleton
public class OrganisationReviews {

    private final Reviews reviews;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationReviews(Reviews reviews, OrganisationService organisations, AuditLog audit, Clock clock) {
        this.reviews = reviews;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** An organisation waiting for review and who registered with it. */
    public record Pending(Organisation organisation, Instant submittedAt, List<Registrant> registrants) {
    }

    /** A registration made with an organisation under review. */
    @Introspected
    public record Registrant(Long organisationId, Long registrationId, String firstName, String lastName,
                             @Nullable String email, String eventTitle, Instant createdAt, String status) {
    }

    @Introspected
    record Row(Long organisationId, Instant submittedAt) {
    }

    /** The organisations waiting for review, oldest first, each with its registrants. */
    public List<Pending> pending() {
        List<Row> rows = reviews.pending();
        Map<Long, List<Registrant>> byOrganisation = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (Registrant r : reviews.registrantsOf(rows.stream().map(Row::organisationId).toList())) {
                byOrganisation.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Pending> pending = new ArrayList<>();
        for (Row row : rows) {
            pending.add(new Pending(organisations.get(row.organisationId()), row.submittedAt(),
                    byOrganisation.getOrDefault(row.organisationId(), List.of())));
        }
        return pending;
    }

    /** Keeps the organisation, with the name, country and kind staff corrected (blank keeps the typed ones). */
    @Transactional
    public Organisation approve(long organisationId, @Nullable String name, @Nullable String country,
                                @Nullable OrganisationKind kind, String actor) {
        Organisation current = underReview(organisationId);
        OrganisationForm typed = OrganisationForm.of(current);
        Organisation kept = organisations.update(organisationId, new OrganisationForm(
                blank(name) ? typed.name() : name.strip(), kind == null ? typed.kind() : kind,
                blank(country) ? typed.country() : country.strip(), typed.siren(), typed.inseeCode(),
                typed.addressLine(), typed.postalCode(), typed.city()), actor);
        reviews.markReviewed(organisationId, clock.instant(), actor);
        audit.record(actor, "organisation.review.approved", "organisation", organisationId, kept.name());
        return kept;
    }

    /**
     * Moves the registrations, people and group submissions of the organisation under review to an existing
     * one and deletes it. Prices stored on the moved registrations are not recomputed. Returns how many
     * registrations moved.
     */
    @Transactional
    public int merge(long organisationId, long intoId, String actor) {
        Organisation merged = underReview(organisationId);
        if (intoId == organisationId) {
            throw DomainException.invalid("intoId", "merge_into_itself");
        }
        Organisation into = organisations.get(intoId);
        int moved = reviews.moveRegistrations(organisationId, intoId);
        reviews.movePeople(organisationId, intoId);
        reviews.moveGroups(organisationId, intoId);
        reviews.delete(organisationId);
        audit.record(actor, "organisation.review.merged", "organisation", intoId,
                merged.name() + " (#" + organisationId + ") -> " + into.name() + ", " + moved + " registrations");
        return moved;
    }

    /** Deletes the organisation under review; its registrations and people keep no organisation. */
    @Transactional
    public void reject(long organisationId, String actor) {
        Organisation rejected = underReview(organisationId);
        reviews.delete(organisationId);
        audit.record(actor, "organisation.review.rejected", "organisation", organisationId, rejected.name());
    }

    private Organisation underReview(long organisationId) {
        if (reviews.lockPending(organisationId).isEmpty()) {
            throw DomainException.notFound("organisation_review_not_found");
        }
        return organisations.get(organisationId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Reviews extends GenericRepository<RegistrationDetail, Long> {

        @Query("""
                SELECT organisation_id, submitted_at FROM organisation_review WHERE reviewed_at IS NULL
                 ORDER BY submitted_at, organisation_id""")
        List<Row> pending();

        @Query("""
                SELECT organisation_id FROM organisation_review
                 WHERE organisation_id = :organisationId AND reviewed_at IS NULL FOR UPDATE""")
        List<Long> lockPending(long organisationId);

        @Query("""
                SELECT r.organisation_id, r.id AS registration_id, p.first_name, p.last_name, p.email,
                       e.title AS event_title, r.created_at, r.status
                  FROM registration r JOIN person p ON p.id = r.person_id JOIN event e ON e.id = r.event_id
                 WHERE r.organisation_id IN (:organisationIds)
                 ORDER BY r.created_at, r.id""")
        List<Registrant> registrantsOf(List<Long> organisationIds);

        @Query("UPDATE organisation_review SET reviewed_at = :reviewedAt, reviewed_by = :reviewedBy WHERE organisation_id = :organisationId")
        void markReviewed(long organisationId, Instant reviewedAt, String reviewedBy);

        @Query("UPDATE registration SET organisation_id = :intoId WHERE organisation_id = :organisationId")
        int moveRegistrations(long organisationId, long intoId);

        @Query("UPDATE person SET organisation_id = :intoId WHERE organisation_id = :organisationId")
        void movePeople(long organisationId, long intoId);

        @Query("UPDATE registration_group SET organisation_id = :intoId WHERE organisation_id = :organisationId")
        void moveGroups(long organisationId, long intoId);

        @Query("DELETE FROM organisation WHERE id = :organisationId")
        void delete(long organisationId);
    }
}
