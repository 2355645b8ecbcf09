package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.ConflictFinder;
import fr.cuf.rencontres.schedule.TimetableFacts;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The editor's and the publisher's conflicts: Timefold's analysis of the timetable as staff placed it (every
 * session pinned), each coded match turned into a {@link Conflict} ({@link BreachTexts} fills in what its
 * sentence names). Listed by their first session's start, then by code.
 */
@Singleton
public class SolverConflicts implements ConflictFinder {

    private static final Comparator<Conflict> ORDER = Comparator.comparing((Conflict c) -> c.sessionIds().get(0))
            .thenComparing(Conflict::kind)
            .thenComparing(c -> c.sessionIds().toString())
            .thenComparing(c -> c.args().toString());

    private final SolutionManager<Plan, HardSoftScore> solutions;

    public SolverConflicts(SolutionManager<Plan, HardSoftScore> solutions) {
        this.solutions = solutions;
    }

    @Override
    public List<Conflict> find(TimetableFacts facts) {
        Plan plan = PlanBuilder.asPlaced(facts);
        return conflicts(solutions.analyze(plan), plan, facts);
    }

    /** The conflicts a score analysis names, whatever the plan (as placed, or a solver's proposal). */
    public static List<Conflict> conflicts(ScoreAnalysis<HardSoftScore> analysis, Plan plan, TimetableFacts facts) {
        List<Conflict> found = new ArrayList<>();
        for (ConstraintAnalysis<HardSoftScore> constraint : analysis.constraintAnalyses()) {
            for (MatchAnalysis<HardSoftScore> match : constraint.matches() == null ? List.<MatchAnalysis<HardSoftScore>>of()
                    : constraint.matches()) {
                if (match.justification() instanceof Breach b) {
                    found.addAll(BreachTexts.conflicts(b, facts));
                }
            }
        }
        Map<Long, Long> starts = new HashMap<>();
        plan.getPlacements().stream().filter(p -> p.getCell() != null)
                .forEach(p -> starts.put(p.getSessionId(), p.startMinute()));
        Comparator<Conflict> byStart = Comparator.comparingLong(c -> starts.getOrDefault(c.sessionIds().get(0), 0L));
        found.sort(byStart.thenComparing(ORDER));
        return found;
    }
}
