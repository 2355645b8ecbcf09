package fr.cuf.rencontres.schedule.solver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One automatic timetabling run of an event, as every instance sees it. */
@MappedEntity("timetable_run")
public record TimetableRun(@Id @GeneratedValue @Nullable Long id, Long eventId, Status status, String requestedBy,
                           String sessionIds, int timeLimitSeconds, Instant startedAt, Instant heartbeatAt,
                           @Nullable Instant endedAt, long elapsedMs, @Nullable String bestScore,
                           @Nullable Long hardScore, @Nullable Long softScore, String scoreHistory,
                           @Nullable String explanation, boolean stopRequested, @Nullable String error) {

    public enum Status {
        RUNNING, FINISHED, STOPPED, FAILED, ACCEPTED, DISCARDED;

        public boolean hasProposal() {
            return this == FINISHED || this == STOPPED;
        }
    }

    public List<Long> sessionIdList() {
        return sessionIds.isBlank() ? List.of() : Arrays.stream(sessionIds.split(",")).map(Long::valueOf).toList();
    }

    public long millisLeft() {
        return Math.max(0, timeLimitSeconds * 1000L - elapsedMs);
    }

    /** The score over time: pairs of elapsed milliseconds and score. */
    public List<String[]> history() {
        return scoreHistory.isBlank() ? List.of()
                : Arrays.stream(scoreHistory.split(";")).map(e -> e.split("@", 2)).toList();
    }
}
