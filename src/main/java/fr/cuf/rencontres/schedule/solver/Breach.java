package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import fr.cuf.rencontres.schedule.ConflictCode;

import java.util.Comparator;
import java.util.List;

/**
 * Why a timetabling rule matched, in the words of the editor: the conflict code, the sessions concerned (in the
 * order its sentence names them) and what else it names, the people or the equipment concerned (in id order).
 * Each coded constraint of {@link TimetableConstraintProvider} justifies its matches with one; the editor's and
 * the publisher's conflicts are read from them ({@link SolverConflicts}).
 */
public record Breach(ConflictCode code, List<Placement> sessions, List<?> details)
        implements ConstraintJustification, Comparable<Breach> {

    private static final Comparator<Breach> ORDER = Comparator.comparing(Breach::code)
            .thenComparing(b -> b.sessions().stream().map(Placement::getSessionId).toList().toString())
            .thenComparing(b -> b.details().toString());

    public Breach {
        sessions = List.copyOf(sessions);
        details = List.copyOf(details);
    }

    static Breach of(ConflictCode code, Placement session) {
        return new Breach(code, List.of(session), List.of());
    }

    static Breach of(ConflictCode code, Placement session, List<?> details) {
        return new Breach(code, List.of(session), details);
    }

    /** Two sessions named in a fixed order (the first one is the subject of the sentence). */
    static Breach ordered(ConflictCode code, Placement first, Placement second) {
        return new Breach(code, List.of(first, second), List.of());
    }

    /** Two sessions of equal standing: the earlier one first (then the smaller id). */
    static Breach pair(ConflictCode code, Placement a, Placement b, List<?> details) {
        boolean aFirst = a.startMinute() < b.startMinute()
                || (a.startMinute() == b.startMinute() && a.getSessionId() < b.getSessionId());
        return new Breach(code, aFirst ? List.of(a, b) : List.of(b, a), details);
    }

    static Breach pair(ConflictCode code, Placement a, Placement b) {
        return pair(code, a, b, List.of());
    }

    public List<Long> sessionIds() {
        return sessions.stream().map(Placement::getSessionId).toList();
    }

    @Override
    public int compareTo(Breach other) {
        return ORDER.compare(this, other);
    }
}
