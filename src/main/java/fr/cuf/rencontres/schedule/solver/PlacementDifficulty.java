package fr.cuf.rencontres.schedule.solver;

import java.util.Comparator;

/**
 * For the construction heuristic (first fit decreasing): the sessions with the fewest cells to choose from,
 * then with the most people, the longest and the biggest go first, while there is still room for them.
 */
public class PlacementDifficulty implements Comparator<Placement> {

    private static final Comparator<Placement> EASIER_FIRST = Comparator
            .comparingInt((Placement p) -> -p.getCandidates().size())
            .thenComparingInt(p -> p.getPersons().size())
            .thenComparingInt(Placement::getMinutes)
            .thenComparingInt(Placement::getAudience)
            .thenComparing(Placement::getSessionId);

    @Override
    public int compare(Placement a, Placement b) {
        return EASIER_FIRST.compare(a, b);
    }
}
