package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads runs for the staff pages: the recent runs of an event, and one run with its proposal. */
@Singleton
public class RunReports {

    private final RunLedger ledger;
    private final TimetableRunRepository runs;
    private final SessionRepository sessions;
    private final RoomRepository rooms;
    private final JsonMapper json;

    RunReports(RunLedger ledger, TimetableRunRepository runs, SessionRepository sessions, RoomRepository rooms,
               JsonMapper json) {
        this.ledger = ledger;
        this.runs = runs;
        this.sessions = sessions;
        this.rooms = rooms;
        this.json = json;
    }

    public List<TimetableRun> recent(long eventId, int limit) {
        return runs.findByEventIdOrderByIdDesc(eventId).stream().limit(limit).toList();
    }

    /**
     * The run and its proposal. "Old" is where the session is now, which is where it was when the run started
     * until the proposal is accepted (a proposal is refused once one of its sessions changed).
     */
    public RunReport of(long eventId, long runId) {
        TimetableRun run = ledger.run(eventId, runId);
        List<ProposalRow> proposal = runs.findProposal(runId);
        Map<Long, Session> byId = sessions.findByEventInOrder(eventId).stream()
                .collect(Collectors.toMap(Session::id, Function.identity()));
        Set<Long> roomIds = new HashSet<>();
        proposal.forEach(p -> roomIds.add(p.roomId()));
        byId.values().stream().filter(s -> s.roomId() != null).forEach(s -> roomIds.add(s.roomId()));
        Map<Long, String> roomNames = roomIds.isEmpty() ? Map.of()
                : rooms.findByIdIn(roomIds).stream().collect(Collectors.toMap(Room::id, Room::name));
        boolean accepted = run.status() == TimetableRun.Status.ACCEPTED;
        List<RunReport.Row> rows = proposal.stream().map(p -> {
            Session s = byId.get(p.sessionId());
            boolean showBefore = s != null && !(accepted && p.changed());
            return new RunReport.Row(p.sessionId(), s == null ? "#" + p.sessionId() : s.title(),
                    showBefore ? s.startsAt() : null, showBefore ? s.endsAt() : null,
                    showBefore && s.roomId() != null ? roomNames.get(s.roomId()) : null,
                    p.startsAt(), p.endsAt(), roomNames.get(p.roomId()), p.changed());
        }).toList();
        // registrants' clashes where sessions are now and where the proposal puts them
        Map<Long, Map<Long, Integer>> shared = sessions.sharedChoices(eventId);
        Map<Long, fr.cuf.rencontres.schedule.Window> before = new java.util.HashMap<>();
        byId.values().stream().filter(s -> s.isScheduled() && !s.isCancelled())
                .forEach(s -> before.put(s.id(), new fr.cuf.rencontres.schedule.Window(s.startsAt(), s.endsAt())));
        Map<Long, fr.cuf.rencontres.schedule.Window> after = new java.util.HashMap<>(before);
        proposal.forEach(p -> after.put(p.sessionId(), new fr.cuf.rencontres.schedule.Window(p.startsAt(), p.endsAt())));
        List<RunReport.Point> history = run.history().stream()
                .map(h -> new RunReport.Point(String.format(java.util.Locale.ROOT, "%.1f", Long.parseLong(h[0]) / 1000.0), h[1]))
                .toList();
        return new RunReport(run, run.elapsedMs() / 1000,
                run.status() == TimetableRun.Status.RUNNING ? (run.millisLeft() + 999) / 1000 : 0, history, rows,
                rows.stream().filter(RunReport.Row::changed).count(), explanation(run),
                AttendeeClashes.count(before, shared), AttendeeClashes.count(after, shared));
    }

    private Explanation explanation(TimetableRun run) {
        if (run.explanation() == null || run.explanation().isBlank()) {
            return null;
        }
        try {
            return json.readValue(run.explanation(), Explanation.class);
        } catch (IOException e) {
            return null;
        }
    }
}
