package fr.cuf.rencontres.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A duration setting at least this many milliseconds long (jakarta.validation has no constraint on {@code Duration}).
 * Checked with the other constraints of the settings when they are bound at start: see {@link MinDurationValidator}.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface MinDuration {

    long millis();

    String message() default "must last at least {millis} ms";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
