package fr.cuf.rencontres.mail;

import io.micronaut.core.annotation.Nullable;

/**
 * Writes the text of an outbox mail when it leaves, from the row and the data it points to: one writer per
 * audience (registration.MailComposer for registrants, staff.StaffMails for staff accounts). Writing it late
 * means the text shows the state at sending time and a sealed link is opened only in memory.
 */
public interface MailWriter {

    /** Whether this writer writes that row. */
    boolean writes(OutboxMail mail);

    Written write(OutboxMail mail);

    /** Subject, plain-text body and, when not null, an agenda sent as {@code agenda.ics}. */
    record Written(String subject, String body, @Nullable String ics) {
    }
}
