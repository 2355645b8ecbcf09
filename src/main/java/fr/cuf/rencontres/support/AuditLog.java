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
        entries.save(new AuditEntry(null, clock.instant(), actor, action, entityType, entityId, detail));
    }

    /** One entry per record of a batch (an import), written in one batch. */
    public void recordAll(String actor, String action, String entityType, java.util.Map<Long, String> details) {
        java.time.Instant now = clock.instant();
        entries.saveAll(details.entrySet().stream()
                .map(e -> new AuditEntry(null, now, actor, action, entityType, e.getKey(), e.getValue())).toList());
    }

    public List<AuditEntry> of(String entityType, Long entityId) {
        return entries.findByEntityTypeAndEntityIdOrderByIdDesc(entityType, entityId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Entries extends CrudRepository<AuditEntry, Long> {
        List<AuditEntry> findByEntityTypeAndEntityIdOrderByIdDesc(String entityType, Long entityId);
    }
}
