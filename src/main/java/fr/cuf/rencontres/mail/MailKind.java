package fr.cuf.rencontres.mail;

/**
 * The mails of the outbox: those a registrant receives (each with a subject and a body in French and English,
 * registration.MailComposer), then those a staff account receives (staff.StaffMails).
 */
public enum MailKind {
    CONFIRMATION, WAITLISTED, PROMOTED, SESSION_PROMOTED, CANCELLED, PROGRAMME_CHANGE, NEW_LINK, MEETING_MOVED,
    MEETING_CANCELLED, SESSIONS_CHANGED, INVOICE_REMINDER,
    STAFF_INVITATION, STAFF_PASSWORD_RESET, STAFF_LOCKED
}
