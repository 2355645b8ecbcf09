package fr.cuf.rencontres.demo;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the demo files' dates land, for any day the data is first loaded (no database needed). */
class DemoCalendarTest {

    private static final List<DemoCalendar.Dated> FILES = DemoDataLoader.datedEvents();

    @Test
    void on_every_day_of_a_year_the_next_edition_lands_about_seven_months_ahead_on_its_weekday() {
        DemoCalendar.Dated next = FILES.stream().filter(DemoCalendar.Dated::edition)
                .max((a, b) -> a.startsAt().compareTo(b.startsAt())).orElseThrow();
        for (LocalDate today = LocalDate.of(2026, 12, 7); today.isBefore(LocalDate.of(2027, 12, 8)); today = today.plusDays(1)) {
            DemoCalendar calendar = DemoCalendar.place(today, FILES);
            LocalDateTime start = calendar.move(next.slug()).apply(next.startsAt());
            long off = ChronoUnit.DAYS.between(today.plusMonths(7), start.toLocalDate());
            assertTrue(Math.abs(off) <= 3, today + " → " + start);
            assertEquals(next.startsAt().getDayOfWeek(), start.getDayOfWeek());
            assertEquals(next.startsAt().toLocalTime(), start.toLocalTime(), "wall-clock time kept");
            LocalDateTime opened = calendar.nextEditionOpened();
            assertTrue(opened.toLocalDate().isBefore(today.minusWeeks(2)) && opened.toLocalDate().isAfter(today.minusWeeks(5)));
            assertFalse(opened.getDayOfWeek() == DayOfWeek.SATURDAY || opened.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
    }

    @Test
    void from_7_december_2026_the_next_edition_is_wednesday_7_and_thursday_8_july_2027() {
        DemoCalendar calendar = DemoCalendar.place(LocalDate.of(2026, 12, 7), FILES);
        DemoCalendar.Move move = calendar.move(calendar.nextEdition());
        assertEquals(LocalDateTime.of(2027, 7, 7, 9, 0), move.apply(LocalDateTime.of(2026, 7, 8, 9, 0)));
        assertEquals("rencontres-aict-2027", move.text(calendar.nextEdition()));
        assertEquals("rencontres-aict-2026", calendar.move(calendar.previousEdition()).text(calendar.previousEdition()));
    }

    @Test
    void meetings_move_by_whole_weeks_into_the_three_months_before_and_nine_after_except_older_yearly_ones() {
        for (LocalDate today : List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 8, 30))) {
            DemoCalendar calendar = DemoCalendar.place(today, FILES);
            Map<String, List<LocalDate>> inWindow = FILES.stream().filter(m -> !m.edition())
                    .map(m -> Map.entry(m.family(), calendar.move(m.slug()).apply(m.startsAt()).toLocalDate()))
                    .filter(e -> !e.getValue().isBefore(today.minusMonths(3)) && e.getValue().isBefore(today.plusMonths(9)))
                    .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            for (DemoCalendar.Dated m : FILES) {
                if (m.edition()) {
                    continue;
                }
                LocalDateTime at = calendar.move(m.slug()).apply(m.startsAt());
                assertEquals(m.startsAt().getDayOfWeek(), at.getDayOfWeek(), m.slug());
                assertEquals(m.startsAt().toLocalTime(), at.toLocalTime(), m.slug());
                assertFalse(DemoCalendar.holiday(at.toLocalDate()), m.slug() + " on " + at);
                boolean inside = !at.toLocalDate().isBefore(today.minusMonths(3)) && at.toLocalDate().isBefore(today.plusMonths(9));
                assertTrue(inside || (at.toLocalDate().isBefore(today) && inWindow.containsKey(m.family())),
                        today + ": " + m.slug() + " → " + at);
            }
            long groupMeetings = FILES.stream().filter(m -> m.family().startsWith("group:")).count();
            assertEquals(groupMeetings, inWindow.entrySet().stream().filter(e -> e.getKey().startsWith("group:"))
                    .mapToLong(e -> e.getValue().size()).sum(), "every group meeting lies in the window");
        }
    }

    @Test
    void years_and_dates_written_in_texts_follow_the_move() {
        DemoCalendar.Move move = new DemoCalendar.Move(52, 1);
        assertEquals("groupe-maroc-2027-03-29", move.text("groupe-maroc-2026-03-30"));
        assertEquals("Feuille de route 2027 du groupe-pays", move.text("Feuille de route 2026 du groupe-pays"));
        assertEquals("https://visio.example.org/cuf-groupe-chine-2026-12-15", move.text("https://visio.example.org/cuf-groupe-chine-2025-12-16"));
        assertEquals("Salle 120", move.text("Salle 120"));
    }
}
