package fr.cuf.rencontres.registration;

/** The mails a registrant receives; each has a subject and a body in French and English. */
public enum MailKind { CONFIRMATION, WAITLISTED, PROMOTED, SESSION_PROMOTED, CANCELLED, PROGRAMME_CHANGE, NEW_LINK, MEETING_MOVED, MEETING_CANCELLED, SESSIONS_CHANGED, INVOICE_REMINDER }
