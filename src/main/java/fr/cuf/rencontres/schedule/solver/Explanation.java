package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.DefaultConstraintJustification;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Comparator;
import java.util.List;

/** Which rule costs what on which sessions, from Timefold's score analysis; stored with the run as JSON. */
@Serdeable
public record Explanation(String score, List<Rule> rules) {

    /** Empty lists are left out of the stored JSON: they come back null. */
    public Explanation {
        rules = rules == null ? List.of() : rules;
    }

    /** The matches kept per rule: enough to act on, small enough to store. */
    static final int MATCHES_PER_RULE = 15;

    @Serdeable
    public record Rule(String rule, long hard, long soft, int matchCount, List<Match> matches) {
        public Rule {
            matches = matches == null ? List.of() : matches;
        }
    }

    @Serdeable
    public record Match(long hard, long soft, List<Long> sessionIds, List<String> titles) {
        public Match {
            sessionIds = sessionIds == null ? List.of() : sessionIds;
            titles = titles == null ? List.of() : titles;
        }
    }

    public static Explanation of(ScoreAnalysis<HardSoftScore> analysis) {
        List<Rule> rules = analysis.constraintAnalyses().stream()
                .filter(c -> !c.score().isZero())
                .sorted(Comparator.comparing((ConstraintAnalysis<HardSoftScore> c) -> c.score()))
                .map(Explanation::rule).toList();
        return new Explanation(analysis.score().toString(), rules);
    }

    private static Rule rule(ConstraintAnalysis<HardSoftScore> c) {
        List<MatchAnalysis<HardSoftScore>> matches = c.matches() == null ? List.of() : c.matches();
        return new Rule(c.constraintName(), c.score().hardScore(), c.score().softScore(), c.matchCount(),
                matches.stream().sorted(Comparator.comparing(MatchAnalysis::score)).limit(MATCHES_PER_RULE)
                        .map(Explanation::match).toList());
    }

    private static Match match(MatchAnalysis<HardSoftScore> m) {
        List<Placement> placements = m.justification() instanceof Breach b ? b.sessions()
                : m.justification() instanceof DefaultConstraintJustification d
                ? d.getFacts().stream().filter(Placement.class::isInstance).map(Placement.class::cast).toList()
                : List.of();
        return new Match(m.score().hardScore(), m.score().softScore(),
                placements.stream().map(Placement::getSessionId).toList(),
                placements.stream().map(Placement::getTitle).toList());
    }
}
