package fr.cuf.rencontres.schedule.solver;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Which sessions to place (the others stay pinned) and for how long to search. */
@Serdeable
@Introspected
public record SolveRequest(@Nullable List<Long> sessionIds, @Nullable Integer timeLimitSeconds) {
}
