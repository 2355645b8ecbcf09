package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;

import java.util.List;

/** The timetabling problem and, once solved, its proposal. Not a bean: built per run. */
@PlanningSolution
public class Plan {

    /** The starts and rooms of the grid; each placement lists the cells of them it may take. */
    @ProblemFactCollectionProperty
    private List<Start> starts;

    @ProblemFactCollectionProperty
    private List<PlanRoom> rooms;

    @PlanningEntityCollectionProperty
    private List<Placement> placements;

    @PlanningScore
    private HardSoftScore score;

    public Plan() {
    }

    public Plan(List<Start> starts, List<PlanRoom> rooms, List<Placement> placements) {
        this.starts = starts;
        this.rooms = rooms;
        this.placements = placements;
    }

    public List<Start> getStarts() {
        return starts;
    }

    public List<PlanRoom> getRooms() {
        return rooms;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
