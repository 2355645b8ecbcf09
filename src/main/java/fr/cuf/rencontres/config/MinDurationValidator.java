package fr.cuf.rencontres.config;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Micronaut's validator for {@link MinDuration}; an unset duration is left to the setting's default. */
@Singleton
class MinDurationValidator implements ConstraintValidator<MinDuration, Duration> {

    @Override
    public boolean isValid(@Nullable Duration value, @NonNull AnnotationValue<MinDuration> annotation,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || value.compareTo(Duration.ofMillis(annotation.longValue("millis").orElse(0))) >= 0;
    }
}
