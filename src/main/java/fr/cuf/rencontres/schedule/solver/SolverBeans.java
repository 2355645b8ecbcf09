package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicForagerConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicPickEarlyType;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Timefold built from a programmatic configuration (no XML, no Quarkus/Spring integration). */
@Factory
class SolverBeans {

    /**
     * The solver of timetables; each run overrides the time limit. Construction: the sessions with the fewest
     * candidate cells first ({@link PlacementDifficulty}), each in its first cell that adds no hard conflict
     * (the soft score is left to local search, which has the rest of the time). Local search: Timefold's
     * default, late acceptance over change and swap moves of cells.
     */
    static SolverConfig config() {
        return new SolverConfig()
                .withSolutionClass(Plan.class)
                .withEntityClasses(Placement.class)
                .withConstraintProviderClass(TimetableConstraintProvider.class)
                .withPhases(new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING)
                                .withForagerConfig(new ConstructionHeuristicForagerConfig().withPickEarlyType(
                                        ConstructionHeuristicPickEarlyType.FIRST_FEASIBLE_SCORE_OR_NON_DETERIORATING_HARD)),
                        new LocalSearchPhaseConfig())
                .withTerminationSpentLimit(Duration.ofSeconds(30));
    }

    @Singleton
    SolverFactory<Plan> solverFactory() {
        return SolverFactory.create(config());
    }

    /** One solve at a time per instance: the machine is small, and runs are short. */
    @Singleton
    @Bean(preDestroy = "close")
    SolverManager<Plan, Long> solverManager(SolverFactory<Plan> factory) {
        return SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1"));
    }

    @Singleton
    SolutionManager<Plan, HardSoftScore> solutionManager(SolverFactory<Plan> factory) {
        return SolutionManager.create(factory);
    }
}
