package fr.cuf.rencontres.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL pass, skips database tests visibly when no server answers (never silently):
 * the reason is printed once and shown by Surefire as skipped tests.
 */
public class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgresPass()) {
            return ConditionEvaluationResult.enabled("H2 pass");
        }
        return TestDatabase.postgresProblem()
                .map(problem -> ConditionEvaluationResult.disabled("PostgreSQL pass SKIPPED: " + problem))
                .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL is reachable"));
    }
}
