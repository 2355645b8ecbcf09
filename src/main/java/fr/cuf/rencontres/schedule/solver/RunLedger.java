package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.ScheduleConfiguration;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database side of runs, each method one transaction. Claiming locks the event row first, so two
 * claims for one event (from any instances) are serialised and the second sees the first's live run.
 */
@Singleton
public class RunLedger {

    private final TimetableRunRepository runs;
    private final SessionRepository sessions;
    private final ScheduleConfiguration configuration;
    private final AuditLog audit;
    private final Clock clock;

    RunLedger(TimetableRunRepository runs, SessionRepository sessions, ScheduleConfiguration configuration,
              AuditLog audit, Clock clock) {
        this.runs = runs;
        this.sessions = sessions;
        this.configuration = configuration;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TimetableRun claim(long eventId, List<Long> sessionIds, int limitSeconds, String actor) {
        runs.lockEvent(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Instant now = clock.instant();
        if (!runs.findLive(eventId, now.minus(configuration.getStaleRunAfter())).isEmpty()) {
            throw DomainException.conflict("solve_already_running");
        }
        TimetableRun run = runs.save(new TimetableRun(null, eventId, TimetableRun.Status.RUNNING, actor,
                sessionIds.stream().map(String::valueOf).collect(Collectors.joining(",")), limitSeconds, now, now,
                null, 0, null, null, null, "", null, false, null));
        audit.record(actor, "timetable.solve_started", "event", eventId, "run " + run.id() + ", " + sessionIds.size()
                + " sessions, " + limitSeconds + " s");
        return run;
    }

    /** Stores the proposal (the sessions it places) and how the run ended. */
    @Transactional
    public void finish(long runId, Plan plan, Map<Long, Session> before, TimetableRun.Status status, String explanation) {
        for (Placement p : plan.getPlacements()) {
            if (p.isPinned() || p.getStart() == null || p.getRoom() == null) {
                continue;
            }
            Session s = before.get(p.getSessionId());
            Instant start = p.getStart().instant();
            boolean changed = !start.equals(s.startsAt()) || !p.getRoom().id().equals(s.roomId())
                    || s.endsAt() == null || s.minutes() != p.getMinutes();
            runs.addProposal(runId, p.getSessionId(), start, start.plusSeconds(60L * p.getMinutes()), p.getRoom().id(),
                    s.version() == null ? 0 : s.version(), changed);
        }
        runs.end(runId, status.name(), clock.instant(), explanation, null);
    }

    @Transactional
    public void fail(long runId, String error) {
        runs.end(runId, TimetableRun.Status.FAILED.name(), clock.instant(), null,
                error == null ? "error" : error.substring(0, Math.min(error.length(), 1900)));
    }

    /** Applies a proposal in one transaction; refused if a proposed session changed since the run started. */
    @Transactional
    public int accept(long eventId, long runId, String actor) {
        runs.lockEvent(eventId);
        TimetableRun run = run(eventId, runId);
        if (!run.status().hasProposal()) {
            throw refusal("proposal_not_available", run.status().name());
        }
        Instant now = clock.instant();
        int applied = 0;
        for (ProposalRow row : runs.findProposal(runId)) {
            Session s = sessions.findById(row.sessionId()).orElseThrow(() -> DomainException.conflict("proposal_stale"));
            if (s.version() == null || s.version() != row.sessionVersion() || s.isCancelled()) {
                throw refusal("proposal_stale", s.title());
            }
            if (row.changed()) {
                sessions.update(s.placed(row.startsAt(), row.endsAt(), row.roomId(), now));
                applied++;
            }
        }
        runs.transition(runId, run.status().name(), TimetableRun.Status.ACCEPTED.name());
        audit.record(actor, "timetable.proposal_accepted", "event", eventId, "run " + runId + ", " + applied + " sessions moved");
        return applied;
    }

    @Transactional
    public void discard(long eventId, long runId, String actor) {
        TimetableRun run = run(eventId, runId);
        if (!run.status().hasProposal()) {
            throw refusal("proposal_not_available", run.status().name());
        }
        runs.transition(runId, run.status().name(), TimetableRun.Status.DISCARDED.name());
        audit.record(actor, "timetable.proposal_discarded", "event", eventId, "run " + runId);
    }

    /** A conflict whose message needs a text argument (the two-string factory would take it for a field). */
    private static DomainException refusal(String code, String arg) {
        return new DomainException(DomainException.Kind.CONFLICT, List.of(new Problem(code, null, List.of(arg))));
    }

    public TimetableRun run(long eventId, long runId) {
        return runs.findById(runId).filter(r -> r.eventId().equals(eventId))
                .orElseThrow(() -> DomainException.notFound("run_not_found"));
    }
}
