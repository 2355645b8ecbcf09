package fr.cuf.rencontres.schedule;

import java.time.LocalDate;
import java.util.List;

/** The sessions of one day of an event, in time then room order. */
public record ProgrammeDay(LocalDate date, List<SessionView> sessions) {
}
