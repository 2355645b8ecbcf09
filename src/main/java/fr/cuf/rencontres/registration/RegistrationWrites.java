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
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import static fr.cuf.rencontres.support.Times.utc;

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

    private static final String INSERT = """
            WITH r AS (
                INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, price_category,
                                          price_cents, badge_version, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                RETURNING id),
            d AS (
                INSERT INTO registration_detail (registration_id, event_id, email, active_email, locale, dietary_needs,
                                                 accessibility_needs, interpretation_language, consent_version,
                                                 consented_at, secret_hash, waitlist_seq, group_id, group_submitter,
                                                 source, attendance_day)
                SELECT r.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM r),
            c AS (
                INSERT INTO registration_session (registration_id, session_id, status, created_at, waitlist_seq)
                SELECT r.id, s.session_id, s.status, ?, s.waitlist_seq
                  FROM r, unnest(?::bigint[], ?::varchar[], ?::bigint[]) AS s (session_id, status, waitlist_seq)),
            a AS (
                INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, detail)
                SELECT ?, ?, 'registration.created', 'registration', r.id, ? FROM r),
            m AS (
                INSERT INTO mail_outbox (registration_id, kind, recipient, locale, link_secret, status, attempts,
                                         next_attempt_at, created_at)
                SELECT r.id, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM r WHERE ?),
            k AS (
                INSERT INTO idempotency_key (key_hash, registration_id, sealed_secret, created_at)
                SELECT ?, r.id, ?, ? FROM r WHERE ?)
            SELECT id FROM r""";

    private final JdbcOperations jdbc;
    private final RegistrationRepository registrations;
    private final RegistrationStore store;
    private final AuditLog audit;
    private final RegistrationMails mails;
    private final IdempotencyKeys.Keys keys;
    private final boolean postgres;

    RegistrationWrites(JdbcOperations jdbc, RegistrationRepository registrations, RegistrationStore store,
                       AuditLog audit, RegistrationMails mails, IdempotencyKeys.Keys keys,
                       DatabaseVendor database) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.store = store;
        this.audit = audit;
        this.mails = mails;
        this.keys = keys;
        this.postgres = database.postgres();
    }

    /** Writes the rows; the new registration's id. */
    long insert(NewRegistration n) {
        return postgres ? insertAtOnce(n) : insertOneByOne(n);
    }

    private long insertAtOnce(NewRegistration n) {
        Registration r = n.registration();
        RegistrationDetail d = n.detail();
        Instant at = r.createdAt();
        return jdbc.prepareStatement(INSERT, (PreparedStatement s) -> {
            Connection connection = s.getConnection();
            int i = 1;
            s.setLong(i++, r.eventId());
            s.setLong(i++, r.personId());
            setLong(s, i++, r.organisationId());
            s.setString(i++, r.participantType().name());
            s.setString(i++, r.status().name());
            s.setString(i++, r.priceCategory());
            s.setInt(i++, r.priceCents());
            s.setInt(i++, r.badgeVersion());
            s.setObject(i++, utc(r.createdAt()));
            s.setObject(i++, utc(r.updatedAt()));

            s.setLong(i++, d.eventId());
            s.setString(i++, d.email());
            s.setString(i++, d.activeEmail());
            s.setString(i++, d.locale());
            s.setString(i++, d.dietaryNeeds());
            s.setString(i++, d.accessibilityNeeds());
            s.setString(i++, d.interpretationLanguage());
            s.setString(i++, d.consentVersion());
            s.setObject(i++, utc(d.consentedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            s.setString(i++, d.secretHash());
            setLong(s, i++, d.waitlistSeq());
            setLong(s, i++, d.groupId());
            s.setBoolean(i++, d.groupSubmitter());
            s.setString(i++, d.source());
            if (d.attendanceDay() == null) {
                s.setNull(i++, Types.INTEGER);
            } else {
                s.setInt(i++, d.attendanceDay());
            }

            s.setObject(i++, utc(at));
            s.setArray(i++, connection.createArrayOf("bigint",
                    n.choices().stream().map(Choice::sessionId).toArray(Long[]::new)));
            s.setArray(i++, connection.createArrayOf("varchar",
                    n.choices().stream().map(Choice::status).toArray(String[]::new)));
            s.setArray(i++, connection.createArrayOf("bigint",
                    n.choices().stream().map(Choice::waitlistSeq).toArray(Long[]::new)));

            s.setObject(i++, utc(at));
            s.setString(i++, n.actor());
            s.setString(i++, n.auditDetail());

            Mail mail = n.mail();
            s.setString(i++, mail == null ? null : mail.kind().name());
            s.setString(i++, mail == null ? null : mail.recipient());
            s.setString(i++, mail == null ? null : mail.locale());
            s.setString(i++, mail == null ? null : mails.sealed(mail.secret()));
            s.setObject(i++, utc(at));
            s.setObject(i++, utc(at));
            s.setBoolean(i++, mail != null);

            Key key = n.key();
            s.setString(i++, key == null ? null : key.keyHash());
            s.setString(i++, key == null ? null : key.sealedSecret());
            s.setObject(i++, utc(at));
            s.setBoolean(i, key != null);
            try (ResultSet row = s.executeQuery()) {
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

    private static void setLong(PreparedStatement s, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

}
