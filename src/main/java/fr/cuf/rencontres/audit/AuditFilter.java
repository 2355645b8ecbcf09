package fr.cuf.rencontres.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * Which audit entries to read: those of one event (the event, its sessions, registrations and invoices), of one
 * person (the person and their registrations), by one staff account or one action, between two Paris days.
 */
public record AuditFilter(@Nullable Long eventId, @Nullable Long personId, @Nullable String actor,
                          @Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter forEvent(long id) {
        return new AuditFilter(id, personId, actor, action, from, to);
    }
}
