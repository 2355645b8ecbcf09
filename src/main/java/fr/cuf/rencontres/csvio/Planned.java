package fr.cuf.rencontres.csvio;

import java.util.List;

/** What an import will do with one row: the change to write, or the problems that keep it out. */
record Planned<T>(ImportRow row, Outcome outcome, T change, List<RowProblem> problems) {

    enum Outcome { CREATE, UPDATE, UNCHANGED, REJECTED }

    Planned {
        problems = List.copyOf(problems);
    }

    static <T> Planned<T> rejected(ImportRow row, List<RowProblem> problems) {
        return new Planned<>(row, Outcome.REJECTED, null, problems);
    }

    boolean accepted() {
        return outcome != Outcome.REJECTED;
    }
}
