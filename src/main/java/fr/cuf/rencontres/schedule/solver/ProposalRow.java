package fr.cuf.rencontres.schedule.solver;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** Where a run proposes to put one session; {@code changed} when it is not where it is now. */
@Introspected
public record ProposalRow(Long runId, Long sessionId, Instant startsAt, Instant endsAt, Long roomId,
                          long sessionVersion, boolean changed) {
}
