package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A custom question as staff type it; options one per line for choice questions. */
@Serdeable
@Introspected
public record QuestionForm(@Nullable String labelFr, @Nullable String labelEn, @Nullable QuestionKind kind,
                           @Nullable String options, @Nullable Boolean required, @Nullable Integer position) {
}
