package fr.cuf.rencontres.support;

import java.util.List;

/**
 * A refusal of the domain. Its {@link Kind} decides the HTTP status in one place
 * ({@code http.ErrorResponses}); its problems carry stable codes and the fields they concern.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final List<Problem> problems;

    public DomainException(Kind kind, List<Problem> problems) {
        super(problems.isEmpty() ? kind.name() : problems.get(0).code());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static DomainException invalid(List<Problem> problems) {
        return new DomainException(Kind.INVALID, problems);
    }

    public static DomainException invalid(String field, String code, Object... args) {
        return new DomainException(Kind.INVALID, List.of(Problem.field(field, code, args)));
    }

    public static DomainException notFound(String code) {
        return new DomainException(Kind.NOT_FOUND, List.of(Problem.of(code)));
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(Kind.CONFLICT, List.of(new Problem(code, null, List.of(args))));
    }

    public static DomainException conflict(String field, String code, Object... args) {
        return new DomainException(Kind.CONFLICT, List.of(Problem.field(field, code, args)));
    }

    public static DomainException forbidden(String code) {
        return new DomainException(Kind.FORBIDDEN, List.of(Problem.of(code)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }

    public String code() {
        return problems.get(0).code();
    }
}
