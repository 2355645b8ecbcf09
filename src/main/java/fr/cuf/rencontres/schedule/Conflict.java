package fr.cuf.rencontres.schedule;

import java.util.List;

/**
 * One timetable warning: its code, the sessions concerned, and the values its sentence needs
 * (message key {@code conflict.<code>} in the schedule bundle).
 */
public record Conflict(ConflictCode kind, List<Long> sessionIds, List<Object> args) {

    public Conflict {
        sessionIds = List.copyOf(sessionIds);
        args = List.copyOf(args);
    }

    public String code() {
        return kind.code();
    }

    public boolean hard() {
        return kind.hard();
    }

    public String messageKey() {
        return "conflict." + code();
    }

    public boolean concerns(long sessionId) {
        return sessionIds.contains(sessionId);
    }
}
