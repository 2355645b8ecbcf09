package fr.cuf.rencontres.privacy;

import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * What "anonymised" means, in one place, for erasure and retention alike. A registration loses its e-mail, needs,
 * answers, personal link, agenda feeds, pending mails and badge (its version moves on, so a printed badge scans as
 * superseded); it keeps its event, status, category, price, sessions and scans, so every count stays. A person loses
 * names, function, e-mail and phone; the organisation stays (counts per authority). Invoices are never touched:
 * they keep the customer and lines as invoiced (10 years, French accounting law). Runs in the caller's transaction.
 */
@Singleton
class Anonymiser {

    static final String FIRST_NAME = "Anonyme";

    private final PrivacyRepository sql;

    Anonymiser(PrivacyRepository sql) {
        this.sql = sql;
    }

    /**
     * Anonymises one registration unless another transaction did (the insert of its row is the claim).
     * @return whether this call did it
     */
    boolean registration(long registrationId, String cause, Instant now) {
        int claimed = sql.update("INSERT INTO anonymised_registration (registration_id, anonymised_at, cause) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", registrationId, now, cause);
        if (claimed == 0) {
            return false;
        }
        // the secret hash must stay unique and non-null: a value no SHA-256 hex digest can equal
        sql.update("UPDATE registration_detail SET email = ?, active_email = NULL, dietary_needs = NULL, "
                + "accessibility_needs = NULL, secret_hash = ? WHERE registration_id = ?",
                "anonyme-" + registrationId + "@invalid", "erased-" + registrationId, registrationId);
        sql.update("DELETE FROM registration_answer WHERE registration_id = ?", registrationId);
        sql.update("DELETE FROM idempotency_key WHERE registration_id = ?", registrationId);
        sql.update("UPDATE calendar_token SET revoked_at = ? WHERE registration_id = ? AND revoked_at IS NULL",
                now, registrationId);
        sql.update("UPDATE mail_outbox SET recipient = ?, link_secret = NULL, note = NULL, "
                + "status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END, "
                + "last_error = CASE WHEN status = 'PENDING' THEN 'personal data erased' ELSE last_error END "
                + "WHERE registration_id = ?", "anonyme-" + registrationId + "@invalid", registrationId);
        sql.update("UPDATE registration SET badge_version = badge_version + 1, updated_at = ? WHERE id = ?",
                now, registrationId);
        return true;
    }

    /** Anonymises the person record; false when it already was. */
    boolean person(long personId, String actor, String reason, Instant now) {
        int claimed = sql.update("INSERT INTO person_erasure (person_id, erased_at, erased_by, reason) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", personId, now, actor, reason);
        if (claimed == 0) {
            return false;
        }
        sql.update("UPDATE person SET first_name = ?, last_name = ?, function_title = NULL, email = NULL, phone = NULL, "
                + "updated_at = ?, version = version + 1 WHERE id = ?", FIRST_NAME, "#" + personId, now, personId);
        return true;
    }

    /** Clears the needs of the registrations of events that ended before {@code endedBefore}. */
    int needsOfEventsEndedBefore(Instant endedBefore) {
        return sql.update("UPDATE registration_detail SET dietary_needs = NULL, accessibility_needs = NULL "
                + "WHERE (dietary_needs IS NOT NULL OR accessibility_needs IS NOT NULL) AND event_id IN "
                + "(SELECT id FROM event WHERE ends_at < ?)", endedBefore);
    }
}
