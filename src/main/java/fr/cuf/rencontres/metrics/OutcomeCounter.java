package fr.cuf.rencontres.metrics;

import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.ScanResult;
import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.schedule.solver.TimetableRun;
import fr.cuf.rencontres.support.CountsOutcome;
import fr.cuf.rencontres.support.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Counts the use cases marked {@link CountsOutcome}, one increment per outcome, tagged {@code outcome}: a
 * registration's status ({@code confirmed}, {@code waitlisted}, …), a scan's code ({@code ok},
 * {@code already_checked_in}, …), {@code started} for a solver run, {@code replayed} for a retried request answered
 * again, the refusal's stable code ({@code full}, {@code invalid_code}, …) or {@code error} for anything else.
 * Codes are a closed set, so the number of series stays small.
 */
@Singleton
@InterceptorBean(CountsOutcome.class)
@Requires(bean = MeterRegistry.class)
class OutcomeCounter implements MethodInterceptor<Object, Object> {

    private final MeterRegistry registry;

    OutcomeCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String name = context.stringValue(CountsOutcome.class).orElseThrow();
        Object result;
        try {
            result = context.proceed();
        } catch (DomainException refused) {
            count(name, refused.problems().get(0).code());
            throw refused;
        } catch (RuntimeException e) {
            count(name, "error");
            throw e;
        }
        outcomes(result).forEach(outcome -> count(name, outcome));
        return result;
    }

    static List<String> outcomes(Object result) {
        if (result instanceof RegistrationOutcome r) {
            return List.of(r.replayed() ? "replayed" : lower(r.status().name()));
        }
        if (result instanceof ScanResult s) {
            return List.of(s.replayed() ? "replayed" : s.outcome().code());
        }
        if (result instanceof TimetableRun) {
            return List.of("started");
        }
        if (result instanceof List<?> items) {
            return items.stream().map(OutcomeCounter::batchItem).toList();
        }
        return List.of("done");
    }

    private static String batchItem(Object item) {
        if (item instanceof CheckinService.BatchItem b) {
            return b.result() != null ? outcomes(b.result()).get(0) : b.problem().code();
        }
        return "done";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void count(String name, String outcome) {
        registry.counter(name, "outcome", outcome).increment();
    }
}
