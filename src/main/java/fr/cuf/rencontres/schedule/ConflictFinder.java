package fr.cuf.rencontres.schedule;

import java.util.List;

/**
 * Finds every conflict of a timetable, hard and soft, as the solver's rules see it (implemented in
 * {@code schedule.solver} from Timefold's score analysis: the rules are written once, as constraints).
 * Nothing is refused here: the editor shows these warnings and publishing refuses the hard ones.
 * Unplaced sessions have no conflicts; cancelled sessions are not in the facts.
 */
public interface ConflictFinder {

    List<Conflict> find(TimetableFacts facts);
}
