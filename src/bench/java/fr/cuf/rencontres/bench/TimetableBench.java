package fr.cuf.rencontres.bench;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.TimetableFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.RoomFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.SessionFacts;
import fr.cuf.rencontres.schedule.Window;
import fr.cuf.rencontres.schedule.solver.Plan;
import fr.cuf.rencontres.schedule.solver.PlanBuilder;
import fr.cuf.rencontres.support.Times;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Timetabling benchmarks (issue 3), solving from scratch with the production constraints and solver config:
 * 1. the 2026 demo programme (43 sessions, 12 rooms, 2 days, briefing blocks and plenary slots): time to 0 hard;
 * 2. a generated instance (216 sessions, 20 rooms, 18 one-hour slots, 2 speakers shared by every 3 sessions).
 * Run with src/bench/run-timetable.sh [demoSeconds] [largeSeconds].
 */
public final class TimetableBench {

    public static void main(String[] args) throws Exception {
        long demoSeconds = args.length > 0 ? Long.parseLong(args[0]) : 1;
        long largeSeconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        int demoRounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("cores available: " + Runtime.getRuntime().availableProcessors());
        // Round 1 is a fresh JVM (the first run after the service starts); the next rounds are what a running
        // service gets once the JIT has compiled the solver.
        for (int round = 1; round <= demoRounds; round++) {
            run("demo 2026 (43 sessions, 12 rooms, 2 days), round " + round + (round == 1 ? " (cold JVM)" : ""),
                    demo(), demoSeconds);
        }
        run("generated (216 sessions, 20 rooms, 18 slots)", large(), largeSeconds);
        TimetableFacts demo = demo().facts();
        conflictList(new TimetableFacts(demo.firstDay(), demo.lastDay(), demo.opening(), demo.closing(),
                demo.briefingBlocks(), demo.plenarySlots(), demo.rooms(), demo.personNames(), demo.personUnavailable(),
                demo.pause(), demo.sessions().stream().map(s -> DEMO_SLOTS.containsKey(s.id())
                        ? s.at(DEMO_SLOTS.get(s.id()), DEMO_ROOMS.get(s.id())) : s).toList()), 300);
        System.out.println();
        SUMMARY.forEach(System.out::println);
    }

    static final List<String> SUMMARY = new ArrayList<>();
    /** Where the demo CSV places each session by hand (the "before" of the clash count). */
    static final Map<Long, Window> DEMO_SLOTS = new HashMap<>();
    /** And in which room. */
    static final Map<Long, Long> DEMO_ROOMS = new HashMap<>();
    /** One factory for every run, as in the service (a singleton); each run overrides the time limit, too. */
    static final SolverFactory<Plan> FACTORY = SolverFactory.create(benchConfig(30));

    static void run(String name, PlanBuilder.Input input, long seconds) {
        long t0 = System.nanoTime(); // from the facts to the proposal: building the problem and the solver count
        Plan plan = PlanBuilder.build(input);
        Solver<Plan> solver = FACTORY.buildSolver(new SolverConfigOverride<Plan>().withTerminationConfig(
                new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds))));
        List<String> history = new ArrayList<>();
        long[] firstFeasibleMs = {-1};
        long[] initializedMs = {-1};
        solver.addEventListener(e -> {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            HardSoftScore score = (HardSoftScore) e.getNewBestScore();
            boolean initialized = e.getNewBestSolution().getPlacements().stream().allMatch(p -> p.getStart() != null);
            if (initialized && initializedMs[0] < 0) {
                initializedMs[0] = ms;
            }
            if (initialized && score.hardScore() == 0 && firstFeasibleMs[0] < 0) {
                firstFeasibleMs[0] = ms;
            }
            if (history.isEmpty() || !history.get(history.size() - 1).endsWith(score.toString())) {
                history.add(ms + " ms: " + score);
            }
        });
        Plan best = solver.solve(plan);
        long total = (System.nanoTime() - t0) / 1_000_000;
        // registrants' clashes (pairs of chosen sessions at one time), from the input's shared choices
        Map<Long, Window> solved = new HashMap<>();
        best.getPlacements().stream().filter(p -> p.getStart() != null).forEach(p -> solved.put(p.getSessionId(),
                new Window(p.getStart().instant(), p.getStart().instant().plusSeconds(60L * p.getMinutes()))));
        String clashes = name.startsWith("demo") ? String.format(" | attendee clashes %d hand-made -> %d solved",
                fr.cuf.rencontres.schedule.solver.AttendeeClashes.count(DEMO_SLOTS, input.shared()),
                fr.cuf.rencontres.schedule.solver.AttendeeClashes.count(solved, input.shared())) : "";
        System.out.printf("%n== %s, limit %d s: %d placements, %d starts x %d rooms%n", name, seconds,
                best.getPlacements().size(), best.getStarts().size(), best.getRooms().size());
        System.out.println("final score " + best.getScore() + " after " + total + " ms; first 0-hard best at "
                + (firstFeasibleMs[0] < 0 ? "never" : firstFeasibleMs[0] + " ms"));
        SUMMARY.add(String.format("RESULT %s | limit %d s | final %s | first 0-hard at %s | initialized at %s%s", name,
                seconds, best.getScore(), firstFeasibleMs[0] < 0 ? "never" : firstFeasibleMs[0] + " ms",
                initializedMs[0] < 0 ? "never" : initializedMs[0] + " ms", clashes));
        int step = Math.max(1, history.size() / 25);
        for (int i = 0; i < history.size(); i += step) {
            System.out.println("  " + history.get(i));
        }
        if (!history.isEmpty()) {
            System.out.println("  " + history.get(history.size() - 1));
        }
    }

    /**
     * The editor's conflict list of the demo programme as placed by hand: Timefold's score analysis of the
     * constraints (what the timetable page and publishing compute on each request), CPU time per operation.
     */
    static void conflictList(TimetableFacts facts, int rounds) {
        var finder = new fr.cuf.rencontres.schedule.solver.SolverConflicts(
                ai.timefold.solver.core.api.solver.SolutionManager.create(FACTORY));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int found = 0;
        for (int i = 0; i < rounds; i++) {
            found = finder.find(facts).size(); // warm-up
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            finder.find(facts);
        }
        SUMMARY.add(String.format("RESULT conflict list of the demo as placed by hand (%d conflicts) | %.2f ms CPU / op | %.2f ms wall / op",
                found, (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / rounds, (System.nanoTime() - wall0) / 1e6 / rounds));
    }

    static ai.timefold.solver.core.config.solver.SolverConfig benchConfig(long seconds) {
        try {
            var m = Class.forName("fr.cuf.rencontres.schedule.solver.SolverBeans").getDeclaredMethod("config");
            m.setAccessible(true);
            return ((ai.timefold.solver.core.config.solver.SolverConfig) m.invoke(null))
                    .withTerminationSpentLimit(Duration.ofSeconds(seconds));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the demo programme, read from the demo CSV files

    static List<CSVRecord> csv(String name) throws Exception {
        try (var in = new InputStreamReader(TimetableBench.class.getResourceAsStream("/demo/" + name), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
        }
    }

    static PlanBuilder.Input demo() throws Exception {
        Map<String, String> poles = new HashMap<>();
        for (CSVRecord g : csv("groups.csv")) {
            poles.put(g.get("slug"), g.get("pole"));
        }
        Map<String, RoomFacts> rooms = new LinkedHashMap<>();
        long roomId = 1;
        for (CSVRecord r : csv("rooms.csv")) {
            if (r.get("venue_key").equals("arts-et-metiers")) {
                rooms.put(r.get("name"), new RoomFacts(roomId++, r.get("name"), Integer.parseInt(r.get("capacity")),
                        Boolean.parseBoolean(r.get("interpretation_booths")), Boolean.parseBoolean(r.get("video_link")),
                        List.of()));
            }
        }
        Map<String, Long> people = new HashMap<>();
        List<SessionFacts> sessions = new ArrayList<>();
        long id = 1;
        for (CSVRecord s : csv("sessions.csv")) {
            if (!s.get("event_slug").equals("rencontres-aict-2026")) {
                continue;
            }
            Set<Long> persons = new LinkedHashSet<>();
            for (String p : (s.get("chair_person_key") + "|" + s.get("speaker_keys")).split("\\|")) {
                if (!p.isBlank()) {
                    persons.add(people.computeIfAbsent(p, k -> (long) people.size() + 1));
                }
            }
            Set<String> themes = new LinkedHashSet<>();
            for (String g : s.get("group_slugs").split("\\|")) {
                if (!g.isBlank()) {
                    themes.add("group:" + g);
                    if (!poles.getOrDefault(g, "").isBlank()) {
                        themes.add("pole:" + poles.get(g));
                    }
                }
            }
            int minutes = s.get("starts_at").isBlank() ? 90 : (int) Duration.between(
                    LocalDateTime.parse(s.get("starts_at")), LocalDateTime.parse(s.get("ends_at"))).toMinutes();
            if (!s.get("starts_at").isBlank()) {
                DEMO_SLOTS.put(id, new Window(Times.fromParis(LocalDateTime.parse(s.get("starts_at"))),
                        Times.fromParis(LocalDateTime.parse(s.get("ends_at")))));
                RoomFacts room = rooms.get(s.get("room_name"));
                if (room != null) {
                    DEMO_ROOMS.put(id, room.id());
                }
            }
            sessions.add(new SessionFacts(id++, s.get("title"), SessionKind.valueOf(s.get("kind")), null, null, persons,
                    themes, Integer.parseInt(s.get("expected_audience")), false, false, minutes));
        }
        List<Window> briefing = new ArrayList<>();
        List<Window> plenary = new ArrayList<>();
        for (CSVRecord b : csv("schedule_blocks.csv")) {
            Window w = new Window(Times.fromParis(LocalDateTime.parse(b.get("starts_at"))),
                    Times.fromParis(LocalDateTime.parse(b.get("ends_at"))));
            (b.get("kind").equals("BRIEFING") ? briefing : plenary).add(w);
        }
        Map<Long, RoomFacts> byId = rooms.values().stream().collect(Collectors.toMap(RoomFacts::id, r -> r,
                (a, b) -> a, LinkedHashMap::new));
        TimetableFacts facts = new TimetableFacts(LocalDate.parse("2026-07-08"), LocalDate.parse("2026-07-09"),
                LocalTime.of(8, 0), LocalTime.of(20, 0), briefing, plenary, byId, Map.of(), Map.of(),
                Duration.ofMinutes(15), sessions);
        Set<Long> all = sessions.stream().map(SessionFacts::id).collect(Collectors.toSet());
        return new PlanBuilder.Input(facts, all, Map.of(), PlanBuilder.estimateShared(sessions, 600), Map.of(), null,
                false);
    }

    // ---- the generated large instance

    static PlanBuilder.Input large() {
        Random random = new Random(17);
        Map<Long, RoomFacts> rooms = new LinkedHashMap<>();
        for (long r = 1; r <= 20; r++) {
            int capacity = r <= 2 ? 300 : r <= 8 ? 120 : 60;
            rooms.put(r, new RoomFacts(r, "Room " + r, capacity, r <= 4, r <= 12, List.of()));
        }
        List<Instant> starts = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-07-08"); !d.isAfter(LocalDate.parse("2026-07-09")); d = d.plusDays(1)) {
            for (int h = 9; h < 18; h++) {
                starts.add(Times.fromParis(d.atTime(h, 0)));
            }
        }
        String[] poles = {"AFRIQUE", "AMERIQUES", "ASIE", "MEDITERRANEE", "EUROPE"};
        List<SessionFacts> sessions = new ArrayList<>();
        for (long i = 0; i < 216; i++) {
            long trio = i / 3;
            Set<Long> speakers = Set.of(2 * trio + 1, 2 * trio + 2);
            int audience = 20 + random.nextInt(random.nextInt(10) == 0 ? 250 : 90);
            sessions.add(new SessionFacts(i + 1, "Session " + (i + 1), SessionKind.WORKSHOP, null, null, speakers,
                    Set.of("pole:" + poles[random.nextInt(poles.length)]), audience, random.nextInt(20) == 0,
                    random.nextInt(4) == 0, 60));
        }
        TimetableFacts facts = new TimetableFacts(LocalDate.parse("2026-07-08"), LocalDate.parse("2026-07-09"),
                LocalTime.of(8, 0), LocalTime.of(20, 0), List.of(), List.of(), rooms, Map.of(), Map.of(),
                Duration.ofMinutes(15), sessions);
        Set<Long> all = sessions.stream().map(SessionFacts::id).collect(Collectors.toSet());
        return new PlanBuilder.Input(facts, all, Map.of(), PlanBuilder.estimateShared(sessions, 3000), Map.of(),
                starts, false);
    }
}
