package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.solver.SolveRequest;
import fr.cuf.rencontres.schedule.solver.TimetableSolving;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The programme team asked the solver to place again three workshops of the next edition; its proposal waits for
 * them, neither accepted nor discarded. Without it, the solver run page would exist only once someone works, and
 * nobody could try it on the demo.
 */
@Singleton
class DemoProposal {

    private static final String ACTOR = "demo";
    private static final int WORKSHOPS_TO_REPLACE = 3;
    private static final int SOLVER_SECONDS = 2;

    private final TimetableSolving solving;
    private final SessionRepository sessions;

    DemoProposal(TimetableSolving solving, SessionRepository sessions) {
        this.solving = solving;
        this.sessions = sessions;
    }

    /**
     * Once the demo load has committed: the solver works on its own threads, which read the sessions and write the
     * run as it goes, so it must see committed rows.
     */
    void proposeWorkshops(Event next) {
        List<Long> workshops = sessions.findByEventInOrder(next.id()).stream()
                .filter(s -> s.kind() == SessionKind.WORKSHOP && !s.isCancelled() && s.startsAt() != null)
                .limit(WORKSHOPS_TO_REPLACE).map(Session::id).toList();
        if (!workshops.isEmpty()) {
            solving.start(next, new SolveRequest(workshops, SOLVER_SECONDS), ACTOR);
        }
    }
}
