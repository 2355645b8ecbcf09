package fr.cuf.rencontres.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the demo files' fixed dates land, relative to the day the data is first loaded ("today", from the
 * injected clock, in Paris). Every move is a whole number of weeks applied to the Paris LOCAL date-time, so a
 * Wednesday stays a Wednesday and a 09:00 plenary stays at 09:00 across daylight-saving changes.
 * <ul>
 *   <li>Conference editions all move by one shift, chosen so that the files' latest edition (the "next
 *       edition") starts about {@link #NEXT_EDITION_AHEAD} after today; the others stay one, two, three years
 *       before it, in the past.</li>
 *   <li>Every other event (group, series and bilateral meetings) is moved by the whole number of weeks nearest
 *       to a whole number of years that puts it in [today - 3 months, today + 9 months): the seeds' season and
 *       weekday are kept, and the real future dates of the files stay where they are when today is the files'
 *       own date. Two meetings of one group or series that would then fall within three weeks of each other
 *       are set apart by a few weeks, and none falls between Christmas and New Year or on a fixed public
 *       holiday. A series or bilateral family met once a year in the files (the General Assembly, one country's
 *       Assises) keeps one meeting in the window; its older ones go to earlier years, in the past.</li>
 * </ul>
 * Years written in texts (slugs, summaries, links: "feuille de route 2026") follow the same move.
 */
final class DemoCalendar {

    static final java.time.Period NEXT_EDITION_AHEAD = java.time.Period.ofMonths(7);
    static final java.time.Period MEETINGS_BEFORE = java.time.Period.ofMonths(3);
    static final java.time.Period MEETINGS_AFTER = java.time.Period.ofMonths(9);
    private static final int MEETINGS_APART_DAYS = 21;
    private static final int YEARLY_DAYS = 300;
    /** The family prefix of a group's meetings (see {@link Dated#family()}). */
    static final String GROUP = "group:";
    private static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11));
    private static final Pattern DATE = Pattern.compile("(?<![0-9])(20[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9])");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])20[0-9]{2}(?![0-9-])");

    /** An event of the files: its key (slug), the key of its kind of meetings, and its start. */
    record Dated(String slug, String family, LocalDateTime startsAt, boolean edition) {
    }

    /** How one event moves: whole weeks for its dates, whole years for the years written in its texts. */
    record Move(long weeks, int years) {
        LocalDateTime apply(LocalDateTime at) {
            return at == null ? null : at.plusWeeks(weeks);
        }

        String text(String text) {
            if (text == null || (weeks == 0 && years == 0)) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            Matcher dates = DATE.matcher(text);
            int last = 0;
            while (dates.find()) {
                LocalDate moved = LocalDate.parse(dates.group()).plusWeeks(weeks);
                out.append(YEAR.matcher(text.substring(last, dates.start())).replaceAll(m -> year(m.group())))
                        .append(moved);
                last = dates.end();
            }
            out.append(YEAR.matcher(text.substring(last)).replaceAll(m -> year(m.group())));
            return out.toString();
        }

        private String year(String written) {
            return String.valueOf(Integer.parseInt(written) + years);
        }
    }

    private final LocalDate today;
    private final Map<String, Move> moves;
    private final String nextEdition;
    private final String previousEdition;

    private DemoCalendar(LocalDate today, Map<String, Move> moves, String nextEdition, String previousEdition) {
        this.today = today;
        this.moves = moves;
        this.nextEdition = nextEdition;
        this.previousEdition = previousEdition;
    }

    /** Places every event of the files relative to {@code today}. */
    static DemoCalendar place(LocalDate today, Collection<Dated> events) {
        List<Dated> editions = events.stream().filter(Dated::edition)
                .sorted(Comparator.comparing(Dated::startsAt).reversed()).toList();
        if (editions.size() < 2) {
            throw new IllegalStateException("the demo files need at least two conference editions");
        }
        Dated next = editions.get(0);
        LocalDate target = today.plus(NEXT_EDITION_AHEAD);
        long editionWeeks = Math.round(ChronoUnit.DAYS.between(next.startsAt().toLocalDate(), target) / 7.0);
        Move editionMove = new Move(editionWeeks, years(editionWeeks));
        Map<String, Move> moves = new HashMap<>();
        editions.forEach(e -> moves.put(e.slug(), editionMove));

        LocalDate from = today.minus(MEETINGS_BEFORE);
        LocalDate until = today.plus(MEETINGS_AFTER);
        // meetings already in the window first: they keep their place, the wrapped ones make way
        List<Dated> meetings = new ArrayList<>(events.stream().filter(e -> !e.edition()).toList());
        Map<String, Long> firstGuess = new HashMap<>();
        for (Dated m : meetings) {
            firstGuess.put(m.slug(), weeksIntoWindow(m.startsAt().toLocalDate(), from, until));
        }
        meetings.sort(Comparator.comparing((Dated m) -> Math.abs(firstGuess.get(m.slug())))
                .thenComparing(Dated::startsAt));
        Map<String, Integer> apartDays = apartDays(meetings);
        Map<String, List<LocalDate>> taken = new HashMap<>();
        for (Dated m : meetings) {
            LocalDate original = m.startsAt().toLocalDate();
            List<LocalDate> family = taken.computeIfAbsent(m.family(), k -> new ArrayList<>());
            int apart = apartDays.get(m.family());
            long weeks = place(original, firstGuess.get(m.slug()), family, apart, from, until);
            family.add(original.plusWeeks(weeks));
            moves.put(m.slug(), new Move(weeks, years(weeks)));
        }
        return new DemoCalendar(today, moves, next.slug(), editions.get(1).slug());
    }

    /**
     * The weeks that move a meeting into the window, a few weeks off its first guess when one of its family is
     * too close or the day is a holiday; a yearly meeting whose year in the window is taken goes to an earlier
     * year, in the past (the archive keeps one General Assembly a year, not three in one June).
     */
    private static long place(LocalDate original, long guess, List<LocalDate> family, int apart, LocalDate from,
                              LocalDate until) {
        for (long nudge : new long[] {0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6}) {
            LocalDate candidate = original.plusWeeks(guess + nudge);
            if (!candidate.isBefore(from) && candidate.isBefore(until) && fits(candidate, family, apart)) {
                return guess + nudge;
            }
        }
        for (int yearsBack = 1; yearsBack <= 5; yearsBack++) {
            long weeks = guess - Math.round(yearsBack * 365.2425 / 7);
            for (long nudge : new long[] {0, 1, -1, 2, -2}) {
                if (fits(original.plusWeeks(weeks + nudge), family, apart)) {
                    return weeks + nudge;
                }
            }
        }
        return guess;
    }

    /**
     * Days kept between two meetings of one family: 3 weeks, or 300 days for a series or bilateral family met
     * yearly in the files. A country group meets several times a year: all its meetings stay in the window.
     */
    private static Map<String, Integer> apartDays(List<Dated> meetings) {
        Map<String, List<LocalDate>> dates = new HashMap<>();
        meetings.forEach(m -> dates.computeIfAbsent(m.family(), k -> new ArrayList<>()).add(m.startsAt().toLocalDate()));
        Map<String, Integer> apart = new HashMap<>();
        dates.forEach((family, days) -> {
            List<LocalDate> sorted = days.stream().sorted().toList();
            long closest = Long.MAX_VALUE;
            for (int i = 1; i < sorted.size(); i++) {
                closest = Math.min(closest, ChronoUnit.DAYS.between(sorted.get(i - 1), sorted.get(i)));
            }
            boolean yearly = !family.startsWith(GROUP) && sorted.size() > 1 && closest >= YEARLY_DAYS;
            apart.put(family, yearly ? YEARLY_DAYS : MEETINGS_APART_DAYS);
        });
        return apart;
    }

    private static boolean fits(LocalDate candidate, List<LocalDate> family, int apart) {
        return !holiday(candidate)
                && family.stream().allMatch(o -> Math.abs(ChronoUnit.DAYS.between(o, candidate)) >= apart);
    }

    /** Christmas to New Year and the fixed French public holidays: CUF meets on none of them. */
    static boolean holiday(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(MonthDay.of(12, 23)) || md.isBefore(MonthDay.of(1, 3)) || HOLIDAYS.contains(md);
    }

    /** The whole weeks nearest to a whole number of years that bring the date into [from, until). */
    static long weeksIntoWindow(LocalDate date, LocalDate from, LocalDate until) {
        int years = (int) ChronoUnit.YEARS.between(date, from);
        while (date.plusYears(years).isBefore(from)) {
            years++;
        }
        while (!date.plusYears(years - 1L).isBefore(from)) {
            years--;
        }
        long weeks = Math.round(ChronoUnit.DAYS.between(date, date.plusYears(years)) / 7.0);
        if (date.plusWeeks(weeks).isBefore(from)) {
            weeks++;
        } else if (!date.plusWeeks(weeks).isBefore(until)) {
            weeks--;
        }
        return weeks;
    }

    private static int years(long weeks) {
        return (int) Math.round(weeks * 7 / 365.2425);
    }

    Move move(String slug) {
        Move move = moves.get(slug);
        if (move == null) {
            throw new IllegalArgumentException("no demo event " + slug);
        }
        return move;
    }

    /** The files' slug of the edition that lands ahead of today. */
    String nextEdition() {
        return nextEdition;
    }

    /** The files' slug of the edition before it, in the past. */
    String previousEdition() {
        return previousEdition;
    }

    /**
     * When the next edition's registration opened: three weeks before today, on the Tuesday at or before
     * that day, at 09:00, so that it is open today and a few weeks of registrations have come in.
     */
    LocalDateTime nextEditionOpened() {
        return today.minusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)).atTime(LocalTime.of(9, 0));
    }
}
