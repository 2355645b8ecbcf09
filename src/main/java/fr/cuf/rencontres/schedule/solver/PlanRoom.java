package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

import java.util.List;

/** A room as the solver sees it. */
public record PlanRoom(@PlanningId Long id, String name, int capacity, boolean interpretation, boolean videoLink,
                       List<Span> unavailable) {

    @Override
    public String toString() {
        return name;
    }
}
