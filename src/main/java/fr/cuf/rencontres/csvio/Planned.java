package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What an import will do with one row: the change to write, or the problems that keep it out; for
 * registrations also what the registration rules decided ({@code result}).
 */
record Planned<T>(ImportRow row, Outcome outcome, T change, List<RowProblem> problems, @Nullable RowResult result) {

    enum Outcome { CREATE, UPDATE, UNCHANGED, REJECTED }

    Planned {
        problems = List.copyOf(problems);
    }

    Planned(ImportRow row, Outcome outcome, T change, List<RowProblem> problems) {
        this(row, outcome, change, problems, null);
    }

    static <T> Planned<T> rejected(ImportRow row, List<RowProblem> problems) {
        return new Planned<>(row, Outcome.REJECTED, null, problems);
    }

    boolean accepted() {
        return outcome != Outcome.REJECTED;
    }
}
