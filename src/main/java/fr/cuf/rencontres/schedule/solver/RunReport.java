package fr.cuf.rencontres.schedule.solver;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A run as staff follow it: its progress while it runs, then its proposal (each session's old and new place)
 * and the explanation of its score.
 */
public record RunReport(TimetableRun run, long elapsedSeconds, long secondsLeft, List<Point> history,
                        List<Row> rows, long changedCount, @Nullable Explanation explanation, long clashesBefore,
                        long clashesAfter) {

    /** The best score reached after so many seconds. */
    public record Point(String seconds, String score) {
    }

    /** Where a session was when the run started, and where the run puts it. */
    public record Row(long sessionId, String title, @Nullable Instant oldStart, @Nullable Instant oldEnd,
                      @Nullable String oldRoom, Instant newStart, Instant newEnd, @Nullable String newRoom,
                      boolean changed) {
    }

    public boolean running() {
        return run.status() == TimetableRun.Status.RUNNING;
    }

    public boolean hasProposal() {
        return run.status().hasProposal();
    }

    public boolean feasible() {
        return run.hardScore() != null && run.hardScore() == 0;
    }
}
