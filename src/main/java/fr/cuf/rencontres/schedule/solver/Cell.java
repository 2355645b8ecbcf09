package fr.cuf.rencontres.schedule.solver;

/**
 * One cell of the grid: a start in a room, the single value the solver picks for a session. Choosing both
 * together lets one move put a session at another time in another room, and lets each session list only the
 * cells that can hold it (see {@link Candidates}).
 */
public record Cell(Start start, PlanRoom room) {

    public long roomId() {
        return room.id();
    }

    @Override
    public String toString() {
        return room.name() + " @" + start.minute();
    }
}
