package fr.cuf.rencontres.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One state change that matters to staff or money: who did what to which record, and when. */
@MappedEntity("audit_entry")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        @Nullable Long entityId,
        @Nullable String detail,
        @Nullable String oldValue,
        @Nullable String newValue) {
}
