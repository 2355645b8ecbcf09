package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;

/**
 * How a registration arrives: its channel, the client's Idempotency-Key, who acts (for the audit log),
 * and whether mails are sent (the demo loader sends none).
 */
public record Submission(Source source, @Nullable String idempotencyKey, String actor, boolean sendMail) {

    public enum Source { FORM, API, DESK, DEMO }

    public static Submission form(String idempotencyKey) {
        return new Submission(Source.FORM, idempotencyKey, "public", true);
    }

    public static Submission api(String idempotencyKey) {
        return new Submission(Source.API, idempotencyKey, "api", true);
    }

    public static Submission desk(String actor, boolean sendMail) {
        return new Submission(Source.DESK, null, actor, sendMail);
    }

    /** The desk registers on the spot: opening and closing dates do not apply to it. */
    boolean ignoresDates() {
        return source == Source.DESK || source == Source.DEMO;
    }
}
