package fr.cuf.rencontres.support;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Writes audit entries inside the caller's transaction, so a rolled-back change leaves none. */
@Singleton
public class AuditLog {

    private final Entries entries;
    private final Clock clock;

    AuditLog(Entries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(String actor, String action, String entityType, Long entityId, String detail) {
        entries.save(new AuditEntry(null, clock.instant(), actor, action, entityType, entityId, detail, null, null));
    }

    /** A change with the value before and after it (e.g. {@code "e-mail: a@x.fr"} → {@code "e-mail: b@x.fr"}). */
    public void recordChange(String actor, String action, String entityType, Long entityId, String detail,
                             String oldValue, String newValue) {
        entries.save(new AuditEntry(null, clock.instant(), actor, action, entityType, entityId, detail,
                clip(oldValue), clip(newValue)));
    }

    private static String clip(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 3999) + "…";
    }

    /** One entry per record of a batch (an import), written in one batch. */
    public void recordAll(String actor, String action, String entityType, java.util.Map<Long, String> details) {
        java.time.Instant now = clock.instant();
        entries.saveAll(details.entrySet().stream()
                .map(e -> new AuditEntry(null, now, actor, action, entityType, e.getKey(), e.getValue(), null, null)).toList());
    }

    public List<AuditEntry> of(String entityType, Long entityId) {
        return entries.findByEntityTypeAndEntityIdOrderByIdDesc(entityType, entityId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Entries extends CrudRepository<AuditEntry, Long> {
        List<AuditEntry> findByEntityTypeAndEntityIdOrderByIdDesc(String entityType, Long entityId);
    }
}
