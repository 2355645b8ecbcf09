package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.schedule.ProgrammeVersionRepository;
import fr.cuf.rencontres.schedule.ScheduleConfiguration;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.TimetableFacts;
import fr.cuf.rencontres.schedule.TimetableFactsLoader;
import fr.cuf.rencontres.schedule.VersionedSession;
import fr.cuf.rencontres.support.CountsOutcome;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs automatic timetabling in the background (Timefold's own threads, never a request thread): claims
 * the run in the database, solves, reports the best score as it improves, and stores the proposal with
 * its explanation. A heartbeat keeps the claim alive and carries stop requests made on any instance.
 */
@Singleton
public class TimetableSolving {

    private static final Logger LOG = LoggerFactory.getLogger(TimetableSolving.class);
    private static final long WRITE_EVERY_MS = 250;
    private static final int MAX_HISTORY = 200;

    private final SolverManager<Plan, Long> solverManager;
    private final SolutionManager<Plan, HardSoftScore> solutionManager;
    private final RunLedger ledger;
    private final TimetableRunRepository runs;
    private final TimetableFactsLoader factsLoader;
    private final SessionRepository sessions;
    private final ProgrammeVersionRepository versions;
    private final ScheduleConfiguration configuration;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<Long, LocalRun> local = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timetable-heartbeat");
        t.setDaemon(true);
        return t;
    });

    TimetableSolving(SolverManager<Plan, Long> solverManager, SolutionManager<Plan, HardSoftScore> solutionManager,
                     RunLedger ledger, TimetableRunRepository runs, TimetableFactsLoader factsLoader,
                     SessionRepository sessions, ProgrammeVersionRepository versions,
                     ScheduleConfiguration configuration, JsonMapper json, Clock clock) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.ledger = ledger;
        this.runs = runs;
        this.factsLoader = factsLoader;
        this.sessions = sessions;
        this.versions = versions;
        this.configuration = configuration;
        this.json = json;
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(this::beat, 1, 1, TimeUnit.SECONDS);
    }

    /** What one instance knows of a run it solves. */
    private static final class LocalRun {
        final long startNanos = System.nanoTime();
        final StringBuilder history = new StringBuilder();
        volatile long lastWrite;
        volatile boolean stopRequested;
        final Map<Long, Session> before;

        LocalRun(Map<Long, Session> before) {
            this.before = before;
        }

        long elapsedMs() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    @CountsOutcome("rencontres.solver.runs")
    public TimetableRun start(Event event, SolveRequest request, String actor) {
        int limit = request.timeLimitSeconds() == null ? 30 : request.timeLimitSeconds();
        long max = configuration.getMaxSolveTime().toSeconds();
        if (limit < 1 || limit > max) {
            throw DomainException.invalid("timeLimitSeconds", "time_limit_out_of_range", 1, max);
        }
        List<Session> all = sessions.findByEventInOrder(event.id()).stream().filter(s -> !s.isCancelled()).toList();
        Set<Long> known = all.stream().map(Session::id).collect(Collectors.toSet());
        Set<Long> toPlace = new LinkedHashSet<>(request.sessionIds() == null ? List.of() : request.sessionIds());
        if (toPlace.isEmpty()) {
            throw DomainException.invalid("sessionIds", "no_sessions_to_place");
        }
        if (!known.containsAll(toPlace)) {
            throw DomainException.invalid("sessionIds", "session_not_found");
        }
        TimetableRun run = ledger.claim(event.id(), List.copyOf(toPlace), limit, actor);
        try {
            Plan plan = PlanBuilder.build(input(event, all, toPlace));
            LocalRun mine = new LocalRun(all.stream().collect(Collectors.toMap(Session::id, Function.identity())));
            local.put(run.id(), mine);
            solverManager.solveBuilder()
                    .withProblemId(run.id())
                    .withProblem(plan)
                    .withConfigOverride(new SolverConfigOverride<Plan>()
                            .withTerminationConfig(new TerminationConfig().withSpentLimit(java.time.Duration.ofSeconds(limit))))
                    .withBestSolutionConsumer(best -> improved(run.id(), mine, best))
                    .withFinalBestSolutionConsumer(last -> finished(run.id(), mine, last))
                    .withExceptionHandler((id, error) -> failed(run.id(), error))
                    .run();
        } catch (RuntimeException e) {
            failed(run.id(), e);
            throw e;
        }
        return run;
    }

    /** Asks the run to stop; the instance solving it stops at its next heartbeat (this one at once). */
    public void stop(long eventId, long runId) {
        TimetableRun run = ledger.run(eventId, runId);
        if (run.status() != TimetableRun.Status.RUNNING) {
            throw DomainException.conflict("run_not_running");
        }
        runs.requestStop(runId);
        LocalRun mine = local.get(runId);
        if (mine != null) {
            mine.stopRequested = true;
            solverManager.terminateEarly(runId);
        }
    }

    PlanBuilder.Input input(Event event, List<Session> active, Set<Long> toPlace) {
        TimetableFacts facts = factsLoader.load(event, active);
        Map<Long, PlanBuilder.Published> published = new HashMap<>();
        versions.findFirstByEventIdOrderByNumberDesc(event.id()).ifPresent(v -> {
            for (VersionedSession s : versions.findSessions(v.id())) {
                if (s.startsAt() != null) {
                    published.put(s.sessionId(), new PlanBuilder.Published(s.startsAt(), s.roomId()));
                }
            }
        });
        Map<Long, Map<Long, Integer>> shared = sessions.sharedChoices(event.id());
        Map<Long, Integer> choices = new HashMap<>();
        versions.findChoosers(event.id()).forEach(c -> choices.merge(c.sessionId(), 1, Integer::sum));
        if (choices.isEmpty()) {
            shared = PlanBuilder.estimateShared(facts.sessions(), event.capacity() == null ? 500 : event.capacity());
        }
        return new PlanBuilder.Input(facts, toPlace, published, shared, choices, null, true);
    }

    private void improved(long runId, LocalRun mine, Plan best) {
        HardSoftScore score = best.getScore();
        if (score == null) {
            return;
        }
        synchronized (mine) {
            if (mine.history.length() < MAX_HISTORY * 24) {
                mine.history.append(mine.history.isEmpty() ? "" : ";").append(mine.elapsedMs()).append('@').append(score);
            }
            if (System.currentTimeMillis() - mine.lastWrite < WRITE_EVERY_MS) {
                return;
            }
            mine.lastWrite = System.currentTimeMillis();
            runs.progress(runId, score.toString(), score.hardScore(), score.softScore(), mine.history.toString(),
                    mine.elapsedMs(), clock.instant());
        }
    }

    private void finished(long runId, LocalRun mine, Plan last) {
        try {
            HardSoftScore score = last.getScore();
            String explanation = null;
            try {
                explanation = json.writeValueAsString(Explanation.of(solutionManager.analyze(last)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("No explanation for run {}: {}", runId, e.toString());
            }
            synchronized (mine) {
                runs.progress(runId, String.valueOf(score), score == null ? 0 : score.hardScore(),
                        score == null ? 0 : score.softScore(), mine.history.toString(), mine.elapsedMs(), clock.instant());
            }
            boolean stopped = mine.stopRequested || runs.findById(runId).map(TimetableRun::stopRequested).orElse(false);
            ledger.finish(runId, last, mine.before, stopped ? TimetableRun.Status.STOPPED : TimetableRun.Status.FINISHED,
                    explanation);
        } catch (RuntimeException e) {
            failed(runId, e);
        } finally {
            local.remove(runId);
        }
    }

    private void failed(long runId, Throwable error) {
        LOG.error("Timetable run {} failed", runId, error);
        local.remove(runId);
        ledger.fail(runId, error.toString());
    }

    /** Keeps this instance's claims alive and honours stop requests made on other instances. */
    private void beat() {
        for (Map.Entry<Long, LocalRun> e : local.entrySet()) {
            try {
                runs.heartbeat(e.getKey(), e.getValue().elapsedMs(), clock.instant());
                if (!e.getValue().stopRequested
                        && runs.findById(e.getKey()).map(TimetableRun::stopRequested).orElse(false)) {
                    e.getValue().stopRequested = true;
                    solverManager.terminateEarly(e.getKey());
                }
            } catch (RuntimeException ex) {
                LOG.warn("Heartbeat of run {} failed: {}", e.getKey(), ex.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
    }
}
