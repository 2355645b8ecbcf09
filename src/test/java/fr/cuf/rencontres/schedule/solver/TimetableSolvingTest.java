package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.TimetableService;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class TimetableSolvingTest {

    @Inject DataSource dataSource;
    @Inject ScheduleFixtures fixtures;
    @Inject TimetableSolving solving;
    @Inject RunLedger ledger;
    @Inject TimetableRunRepository runs;
    @Inject SessionRepository sessions;
    @Inject TimetableService timetables;

    ScheduleFixtures.Small s;
    Session pinned;
    Session clash;
    Session loose;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = fixtures.small();
        pinned = fixtures.session(s, "Ouverture", "2026-07-08T09:00", 90, s.iena(), s.katja());
        clash = fixtures.session(s, "Point Chine", "2026-07-08T09:00", 90, s.iena(), s.katja());
        loose = fixtures.session(s, "Atelier Eau", null, 60, null, s.benoit());
    }

    TimetableRun await(long runId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            TimetableRun run = runs.findById(runId).orElseThrow();
            if (run.status() != TimetableRun.Status.RUNNING) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run did not end");
    }

    @Test
    void a_run_places_the_picked_sessions_around_the_pinned_ones_and_its_proposal_can_be_accepted() throws Exception {
        TimetableRun run = solving.start(s.event(), new SolveRequest(List.of(clash.id(), loose.id()), 2), "prog");
        TimetableRun done = await(run.id());
        assertEquals(TimetableRun.Status.FINISHED, done.status(), String.valueOf(done.error()));
        assertEquals(0L, done.hardScore(), done.bestScore());
        assertTrue(done.history().size() >= 1, "score over time");
        assertNotNull(done.explanation());
        List<ProposalRow> proposal = runs.findProposal(run.id());
        assertEquals(List.of(clash.id(), loose.id()), proposal.stream().map(ProposalRow::sessionId).sorted().toList());
        assertEquals(pinned.startsAt(), sessions.findById(pinned.id()).orElseThrow().startsAt(), "pinned stays");

        ledger.accept(s.event().id(), run.id(), "prog");
        assertEquals(TimetableRun.Status.ACCEPTED, runs.findById(run.id()).orElseThrow().status());
        assertNotNull(sessions.findById(loose.id()).orElseThrow().startsAt());
        assertEquals(List.of(), timetables.of(s.event()).hardConflicts(), "accepted proposal has no hard conflict");
    }

    @Test
    void a_proposal_is_refused_when_a_session_changed_meanwhile_and_can_be_discarded() throws Exception {
        TimetableRun run = solving.start(s.event(), new SolveRequest(List.of(loose.id()), 1), "prog");
        await(run.id());
        Session now = sessions.findById(loose.id()).orElseThrow();
        sessions.update(now.placed(null, null, null, java.time.Instant.now()));
        DomainException e = assertThrows(DomainException.class, () -> ledger.accept(s.event().id(), run.id(), "prog"));
        assertEquals("proposal_stale", e.code());
        ledger.discard(s.event().id(), run.id(), "prog");
        assertEquals(TimetableRun.Status.DISCARDED, runs.findById(run.id()).orElseThrow().status());
    }

    @Test
    void a_run_can_be_stopped_early() throws Exception {
        TimetableRun run = solving.start(s.event(), new SolveRequest(List.of(clash.id(), loose.id()), 60), "prog");
        Thread.sleep(500);
        solving.stop(s.event().id(), run.id());
        TimetableRun done = await(run.id());
        assertEquals(TimetableRun.Status.STOPPED, done.status());
        assertTrue(done.elapsedMs() < 30_000, "stopped long before its minute");
    }

    @Test
    void two_concurrent_starts_on_one_programme_give_one_run_and_one_refusal() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> start = () -> {
            go.await();
            try {
                return "run " + ledger.claim(s.event().id(), List.of(loose.id()), 5, "prog").id();
            } catch (DomainException e) {
                return e.code();
            }
        };
        List<Future<String>> results = new ArrayList<>(List.of(pool.submit(start), pool.submit(start)));
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter(o -> o.startsWith("run ")).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o.equals("solve_already_running")).count(), outcomes.toString());
        assertEquals(1, runs.findByEventIdOrderByIdDesc(s.event().id()).size());
    }

    @Test
    void a_bad_request_is_refused_before_anything_runs() {
        assertEquals("no_sessions_to_place", assertThrows(DomainException.class,
                () -> solving.start(s.event(), new SolveRequest(List.of(), 5), "prog")).code());
        assertEquals("time_limit_out_of_range", assertThrows(DomainException.class,
                () -> solving.start(s.event(), new SolveRequest(List.of(loose.id()), 100_000), "prog")).code());
        assertEquals(List.of(), runs.findByEventIdOrderByIdDesc(s.event().id()));
    }
}
