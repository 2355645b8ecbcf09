package fr.cuf.rencontres.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Collects every problem of a command before refusing it, so a form shows all its errors at once. */
public final class Validator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final List<Problem> problems = new ArrayList<>();

    public Validator required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(Problem.field(field, "required"));
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Problem.field(field, "too_long", max));
        }
        return this;
    }

    public Validator email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            problems.add(Problem.field(field, "invalid_email"));
        }
        return this;
    }

    public Validator slug(String field, String value) {
        if (value != null && !value.isBlank() && !SLUG.matcher(value).matches()) {
            problems.add(Problem.field(field, "invalid_slug"));
        }
        return this;
    }

    public Validator positive(String field, Integer value) {
        if (value != null && value <= 0) {
            problems.add(Problem.field(field, "not_positive"));
        }
        return this;
    }

    public <T> Validator check(String field, T value, Predicate<T> valid, String code, Object... args) {
        if (value != null && !valid.test(value)) {
            problems.add(Problem.field(field, code, args));
        }
        return this;
    }

    public Validator add(Problem problem) {
        problems.add(problem);
        return this;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws one {@link DomainException} listing every problem found, if any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
