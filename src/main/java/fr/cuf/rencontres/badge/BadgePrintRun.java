package fr.cuf.rencontres.badge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** A batch of badges produced for printing: when, by whom, which selection, how many. */
@MappedEntity("badge_print_run")
public record BadgePrintRun(
        @Id @GeneratedValue @Nullable Long id,
        long eventId,
        Instant printedAt,
        String actor,
        String selection,
        String layout,
        int badgeCount) {

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Runs extends CrudRepository<BadgePrintRun, Long> {
        List<BadgePrintRun> findByEventIdOrderByPrintedAtDesc(long eventId);
    }
}
