package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DatabaseVendor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/**
 * The rows of one new registration: the registration, its detail, its session choices, the audit entry, and when
 * asked the outbox mail and the Idempotency-Key. On PostgreSQL they are one statement (a data-modifying
 * {@code WITH}, plain JDBC: Micronaut Data does not map it), so a registration costs one round trip and one
 * statement's preparation instead of six; on H2, which has no data-modifying {@code WITH}, one statement per row.
 * Runs inside the caller's transaction.
 */
@Singleton
class RegistrationWrites {

    /** A session chosen: a seat ({@code CONFIRMED}) or a place on its waiting list. */
    record Choice(long sessionId, String status, @Nullable Long waitlistSeq) {
    }

    /** A mail for the outbox. */
    record Mail(MailKind kind, String recipient, String locale, @Nullable String secret) {
    }

    /** A client's Idempotency-Key: its row key and the personal secret sealed under it. */
    record Key(String keyHash, String sealedSecret) {
    }

    /**
     * What to write; {@code detail} carries no registration id yet (the insert gives it), {@code auditDetail} is
     * the text of the {@code registration.created} entry written by {@code actor}.
     */
    record NewRegistration(Registration registration, RegistrationDetail detail, List<Choice> choices, String actor,
                           String auditDetail, @Nullable Mail mail, @Nullable Key key) {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            WITH r AS (
                INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, price_category,
                                          price_cents, badge_version, created_at, updated_at, version)
                VALUES (:eventId, :personId, :organisationId, :participantType, :status, :priceCategory,
                        :priceCents, :badgeVersion, :at, :at, 0)
                RETURNING id),
            d AS (
                INSERT INTO registration_detail (registration_id, event_id, email, active_email, locale, dietary_needs,
                                                 accessibility_needs, interpretation_language, consent_version,
                                                 consented_at, secret_hash, waitlist_seq, group_id, group_submitter,
                                                 source, attendance_day)
                SELECT r.id, :eventId, :email, :activeEmail, :locale, :dietaryNeeds,
                       :accessibilityNeeds, :interpretationLanguage, :consentVersion,
                       :consentedAt, :secretHash, :waitlistSeq, :groupId, :groupSubmitter,
                       :source, :attendanceDay FROM r),
            c AS (
                INSERT INTO registration_session (registration_id, session_id, status, created_at, waitlist_seq)
                SELECT r.id, s.session_id, s.status, :at, s.waitlist_seq
                  FROM r, unnest(:sessionIds::bigint[], :choiceStatuses::varchar[], :choiceWaitlistSeqs::bigint[])
                       AS s (session_id, status, waitlist_seq)),
            a AS (
                INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, detail)
                SELECT :at, :actor, 'registration.created', 'registration', r.id, :auditDetail FROM r),
            m AS (
                INSERT INTO mail_outbox (registration_id, kind, recipient, locale, link_secret, status, attempts,
                                         next_attempt_at, created_at)
                SELECT r.id, :mailKind, :recipient, :mailLocale, :linkSecret, 'PENDING', 0, :at, :at FROM r WHERE :mail),
            k AS (
                INSERT INTO idempotency_key (key_hash, registration_id, sealed_secret, created_at)
                SELECT :keyHash, r.id, :sealedSecret, :at FROM r WHERE :key)
            SELECT id FROM r""");

    private final JdbcOperations jdbc;
    private final RegistrationRepository registrations;
    private final RegistrationDetailRepository store;
    private final AuditLog audit;
    private final RegistrationMails mails;
    private final IdempotencyKeys.IdempotencyKeyRepository keys;
    /**
     * Whether the rows go in one statement: PostgreSQL only (H2 has no data-modifying {@code WITH}); a test turns it
     * off to check the one-by-one writes on PostgreSQL too.
     */
    volatile boolean atOnce;

    RegistrationWrites(JdbcOperations jdbc, RegistrationRepository registrations, RegistrationDetailRepository store,
                       AuditLog audit, RegistrationMails mails, IdempotencyKeys.IdempotencyKeyRepository keys,
                       DatabaseVendor database) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.store = store;
        this.audit = audit;
        this.mails = mails;
        this.keys = keys;
        this.atOnce = database.postgres();
    }

    /** Writes the rows; the new registration's id. */
    long insert(NewRegistration n) {
        return atOnce ? insertAtOnce(n) : insertOneByOne(n);
    }

    private long insertAtOnce(NewRegistration n) {
        Registration r = n.registration();
        RegistrationDetail d = n.detail();
        Mail mail = n.mail();
        Key key = n.key();
        return jdbc.prepareStatement(INSERT.sql(), (PreparedStatement s) -> {
            Connection connection = s.getConnection();
            PreparedStatement ready = INSERT.bind(s)
                    .set("eventId", r.eventId()).set("personId", r.personId()).set("organisationId", r.organisationId())
                    .set("participantType", r.participantType().name()).set("status", r.status().name())
                    .set("priceCategory", r.priceCategory()).set("priceCents", r.priceCents())
                    .set("badgeVersion", r.badgeVersion()).set("at", r.createdAt())
                    .set("email", d.email()).set("activeEmail", d.activeEmail()).set("locale", d.locale())
                    .set("dietaryNeeds", d.dietaryNeeds()).set("accessibilityNeeds", d.accessibilityNeeds())
                    .set("interpretationLanguage", d.interpretationLanguage()).set("consentVersion", d.consentVersion())
                    .set("consentedAt", d.consentedAt()).set("secretHash", d.secretHash())
                    .set("waitlistSeq", d.waitlistSeq()).set("groupId", d.groupId())
                    .set("groupSubmitter", d.groupSubmitter()).set("source", d.source())
                    .set("attendanceDay", d.attendanceDay())
                    .set("sessionIds", connection.createArrayOf("bigint",
                            n.choices().stream().map(Choice::sessionId).toArray(Long[]::new)))
                    .set("choiceStatuses", connection.createArrayOf("varchar",
                            n.choices().stream().map(Choice::status).toArray(String[]::new)))
                    .set("choiceWaitlistSeqs", connection.createArrayOf("bigint",
                            n.choices().stream().map(Choice::waitlistSeq).toArray(Long[]::new)))
                    .set("actor", n.actor()).set("auditDetail", n.auditDetail())
                    .set("mail", mail != null).set("mailKind", mail == null ? null : mail.kind().name())
                    .set("recipient", mail == null ? null : mail.recipient())
                    .set("mailLocale", mail == null ? null : mail.locale())
                    .set("linkSecret", mail == null ? null : mails.sealed(mail.secret()))
                    .set("key", key != null).set("keyHash", key == null ? null : key.keyHash())
                    .set("sealedSecret", key == null ? null : key.sealedSecret())
                    .check();
            try (ResultSet row = ready.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private long insertOneByOne(NewRegistration n) {
        Registration saved = registrations.save(n.registration());
        RegistrationDetail d = n.detail();
        store.save(new RegistrationDetail(saved.id(), d.eventId(), d.email(), d.activeEmail(), d.locale(),
                d.dietaryNeeds(), d.accessibilityNeeds(), d.interpretationLanguage(), d.consentVersion(),
                d.consentedAt(), d.secretHash(), d.waitlistSeq(), d.groupId(), d.groupSubmitter(), d.source(),
                d.attendanceDay()));
        Instant at = saved.createdAt();
        for (Choice c : n.choices()) {
            store.addChoice(saved.id(), c.sessionId(), c.status(), at, c.waitlistSeq());
        }
        audit.record(n.actor(), "registration.created", "registration", saved.id(), n.auditDetail());
        Mail mail = n.mail();
        if (mail != null) {
            mails.queueTo(mail.kind(), saved.id(), mail.recipient(), mail.locale(), mail.secret());
        }
        Key key = n.key();
        if (key != null) {
            keys.insert(key.keyHash(), saved.id(), key.sealedSecret(), at);
        }
        return saved.id();
    }

}
