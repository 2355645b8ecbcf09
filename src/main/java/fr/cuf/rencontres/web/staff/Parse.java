package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the strings of an HTML form into typed values. A value that does not parse becomes a problem
 * on its field (shown beside it) instead of a bare 400: browsers send "" for empty inputs, and people
 * type in number fields of old browsers.
 */
final class Parse {

    private final List<Problem> problems = new ArrayList<>();

    static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    Long id(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.field(field, "invalid_value"));
            return null;
        }
    }

    Integer integer(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.field(field, "invalid_number"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.field(field, "invalid_value"));
            return null;
        }
    }

    /** A datetime-local input: "2026-07-08T09:00", Paris time. */
    LocalDateTime dateTime(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.field(field, "invalid_datetime"));
            return null;
        }
    }

    /** A date input: "2026-07-08". */
    java.time.LocalDate date(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.field(field, "invalid_value"));
            return null;
        }
    }

    /** What did not parse so far. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** A problem found beyond parsing (a missing companion field, an end before its start). */
    void add(Problem problem) {
        problems.add(problem);
    }

    LocalTime time(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.field(field, "invalid_time"));
            return null;
        }
    }

    /** A checkbox: present (any of the values browsers send) or absent. */
    static Boolean checked(String raw) {
        return raw != null && (raw.equals("true") || raw.equals("on"));
    }

    /** Refuses the input with every value that did not parse, before the service sees it. */
    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
