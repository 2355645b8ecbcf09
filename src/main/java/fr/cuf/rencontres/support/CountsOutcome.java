package fr.cuf.rencontres.support;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts each call of a use case in the metrics, tagged with its outcome: what it returned (a registration's
 * status, a scan's outcome code) or the stable code of the refusal it threw. Counted by metrics.OutcomeCounter,
 * so the use case itself carries no metrics code; without metrics the annotation does nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
public @interface CountsOutcome {

    /** The counter's name, e.g. {@code rencontres.registrations}. */
    String value();
}
