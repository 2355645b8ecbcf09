package fr.cuf.rencontres.support;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One reason to refuse an input: a stable code (the key of its message, e.g. {@code invalid_siren}),
 * the offending field when there is one, and the values the message needs.
 */
public record Problem(String code, @Nullable String field, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String code) {
        return new Problem(code, null, List.of());
    }

    public static Problem field(String field, String code, Object... args) {
        return new Problem(code, field, List.of(args));
    }
}
