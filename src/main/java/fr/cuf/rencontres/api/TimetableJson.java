package fr.cuf.rencontres.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the timetable API. */
final class TimetableJson {

    private TimetableJson() {
    }

    @Serdeable
    record Timetable(String event, List<SessionJson> sessions, List<ConflictJson> conflicts, int hardConflicts) {
    }

    @Serdeable
    record SessionJson(long id, String title, String kind, String status, @Nullable Instant startsAt,
                       @Nullable Instant endsAt, @Nullable Long roomId, @Nullable String room,
                       @Nullable Integer expectedAudience) {
    }

    @Serdeable
    record ConflictJson(String code, boolean hard, String message, List<Long> sessionIds) {
    }

    @Serdeable
    record RunJson(long id, String status, @Nullable String bestScore, @Nullable Long hardScore,
                   @Nullable Long softScore, long elapsedMs, long millisLeft, List<ScorePoint> scoreOverTime,
                   @Nullable String explanation, List<ProposalJson> proposal, @Nullable String error) {
    }

    @Serdeable
    record ScorePoint(long elapsedMs, String score) {
    }

    @Serdeable
    record ProposalJson(long sessionId, Instant startsAt, Instant endsAt, long roomId, boolean changed) {
    }

    @Serdeable
    record VersionJson(long id, int number, Instant publishedAt, List<ChangeJson> changes, long notifications) {
    }

    @Serdeable
    record ChangeJson(long sessionId, String kind, String title, @Nullable Instant oldStartsAt,
                      @Nullable String oldRoom, @Nullable Instant newStartsAt, @Nullable String newRoom) {
    }
}
