package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import fr.cuf.rencontres.demo.DemoDataLoader;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The editor's conflicts on the demo edition are the solver's: the problem a solve of every session starts
 * from (free sessions, warm start where staff put them) is analysed with the solver's own score, and its coded
 * matches are the editor's list, code for code, session for session, value for value.
 */
@DatabaseTest
class EditorAndSolverAgreeTest {

    @Inject DataSource dataSource;
    @Inject DemoDataLoader demo;
    @Inject EventRepository eventRows;
    @Inject SessionRepository sessions;
    @Inject TimetableService timetables;
    @Inject TimetableSolving solving;
    @Inject SolutionManager<Plan, HardSoftScore> solutionManager;

    Event rencontres;

    @BeforeEach
    void load() {
        TestDatabase.clean(dataSource);
        demo.load();
        rencontres = StreamSupport.stream(eventRows.findAll().spliterator(), false)
                .filter(e -> e.kind() == EventKind.CONFERENCE_EDITION)
                .max(Comparator.comparing(Event::startsAt)).orElseThrow();
    }

    List<Conflict> solverSees() {
        List<Session> active = sessions.findByEventInOrder(rencontres.id()).stream().filter(s -> !s.isCancelled()).toList();
        Set<Long> all = active.stream().map(Session::id).collect(Collectors.toSet());
        PlanBuilder.Input input = solving.input(rencontres, active, all);
        Plan plan = PlanBuilder.build(input);
        assertFalse(plan.getPlacements().stream().anyMatch(Placement::isPinned), "every session is the solver's to move");
        return SolverConflicts.conflicts(solutionManager.analyze(plan), plan, input.facts());
    }

    @Test
    void on_the_demo_edition_the_editor_shows_what_the_solver_scores() {
        List<Conflict> editor = timetables.of(rencontres).conflicts();
        assertFalse(editor.isEmpty(), "the demo has soft conflicts to compare");
        assertEquals(editor, solverSees());
    }

    @Test
    void with_a_briefing_moved_onto_a_busy_room_they_still_agree() {
        List<Session> all = sessions.findByEventInOrder(rencontres.id());
        Session senegal = all.stream().filter(s -> s.title().equals("Point Sénégal")).findFirst().orElseThrow();
        Session armenie = all.stream().filter(s -> s.title().equals("Point Arménie")).findFirst().orElseThrow();
        sessions.update(senegal.placed(senegal.startsAt(), senegal.endsAt(), armenie.roomId(), Instant.now()));
        List<Conflict> editor = timetables.of(rencontres).conflicts();
        assertEquals(List.of("room_double_booked"), editor.stream().filter(Conflict::hard).map(Conflict::code).toList());
        assertEquals(editor, solverSees());
    }
}
