package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A first start on another day (a rehearsal clock, winter time) places the data relative to that day; a second
 * start on the loaded database moves nothing, even with loading forced on.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "rencontres.clock.fixed", value = "2027-03-10T10:00:00+01:00")
@Property(name = "rencontres.demo.load", value = "always")
class DemoDataOnAnotherDayTest {

    @Inject DemoDataLoader loader;
    @Inject DataSource dataSource;
    @Inject EventRepository events;
    @Inject Clock clock;
    @Inject DemoLoading loading;

    @BeforeAll
    void load() throws InterruptedException {
        loading.await(Duration.ofMinutes(5)); // the load the context's start began, in the background
        TestDatabase.clean(dataSource);
        loader.load();
    }

    @Test
    void on_10_march_2027_the_next_edition_is_seven_months_ahead_at_its_wall_clock_times_and_open() {
        DemoPlacementChecks.nextEditionIsAheadAndOpen(events, dataSource, clock.instant());
    }

    @Test
    void on_10_march_2027_the_next_edition_looks_a_few_weeks_after_its_opening() {
        DemoPlacementChecks.nextEditionLooksAFewWeeksAfterOpening(events, dataSource, clock.instant());
    }

    @Test
    void on_10_march_2027_the_previous_edition_is_past_with_its_attendance() {
        DemoPlacementChecks.previousEditionIsPastWithAttendance(events, dataSource, clock.instant());
    }

    @Test
    void on_10_march_2027_group_meetings_lie_between_three_months_ago_and_nine_months_ahead() {
        DemoPlacementChecks.groupMeetingsSpreadOverTheYearAround(events, clock.instant());
    }

    @Test
    void starting_again_on_the_loaded_database_moves_nothing() {
        List<String> before = snapshot();
        long registrations = DemoPlacementChecks.count(dataSource, "SELECT COUNT(*) FROM registration");
        assertFalse(loader.shouldLoad(), "loading is forced on, but the database holds data");
        loader.onStartup(null);
        assertEquals(before, snapshot());
        assertEquals(registrations, DemoPlacementChecks.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }

    private List<String> snapshot() {
        List<String> all = new ArrayList<>();
        for (Event e : events.findAll()) {
            all.add(e.id() + " " + e.slug() + " " + e.startsAt() + " " + e.registrationOpensAt());
        }
        all.sort(null);
        return all;
    }
}
