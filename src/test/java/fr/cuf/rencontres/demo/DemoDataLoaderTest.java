package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.badge.BadgePrintRun;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupRepository;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.schedule.Programme;
import fr.cuf.rencontres.schedule.ProgrammeService;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataLoaderTest {

    @Inject DemoDataLoader loader;
    @Inject DataSource dataSource;
    @Inject OrganisationRepository organisations;
    @Inject MembershipRepository memberships;
    @Inject GroupRepository groups;
    @Inject EventRepository events;
    @Inject ProgrammeService programmes;
    @Inject fr.cuf.rencontres.staff.SignIn signIn;
    @Inject Clock clock;
    @Inject BadgeService badges;

    @BeforeAll
    void load() {
        TestDatabase.clean(dataSource);
        loader.load();
    }

    @Test
    void all_23_country_groups_sit_in_their_5_poles_with_the_5_thematic_groups() {
        var all = groups.findAll();
        assertEquals(23, all.stream().filter(g -> g.kind() == GroupKind.COUNTRY).count());
        assertEquals(5, all.stream().filter(g -> g.kind() == GroupKind.THEMATIC).count());
        assertEquals(5, all.stream().filter(g -> g.pole() != null).map(g -> g.pole()).distinct().count());
        assertTrue(all.stream().filter(g -> g.kind() == GroupKind.COUNTRY).allMatch(g -> g.chairPersonId() != null));
    }

    @Test
    void at_least_40_organisations_many_of_them_members_in_the_year_of_the_next_edition() {
        assertTrue(organisations.count() >= 40);
        int year = Times.paris(DemoPlacementChecks.nextEdition(events, clock.instant()).startsAt()).getYear();
        assertTrue(memberships.findOrganisationIdsByYear(year).size() >= 20,
                "members in " + year + ": " + memberships.findOrganisationIdsByYear(year).size());
    }

    @Test
    void the_next_edition_has_its_programme_over_both_days() {
        Event edition = DemoPlacementChecks.nextEdition(events, clock.instant());
        Programme programme = programmes.of(edition.id());
        assertTrue(programme.sessionCount() >= 26, "sessions: " + programme.sessionCount());
        assertEquals(2, programme.days().size());
        List<SessionView> all = programme.days().stream().flatMap(d -> d.sessions().stream()).toList();
        Set<SessionKind> kinds = all.stream().map(v -> v.session().kind()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(SessionKind.PLENARY, SessionKind.WORKSHOP, SessionKind.COUNTRY_BRIEFING,
                SessionKind.NETWORKING_CAFE, SessionKind.B2B_SLOT, SessionKind.SIDE_MEETING)), kinds.toString());
        long briefingsInFirstBlock = all.stream()
                .filter(v -> v.session().kind() == SessionKind.COUNTRY_BRIEFING)
                .filter(v -> Times.paris(v.session().startsAt()).toLocalTime().equals(LocalTime.of(14, 30)))
                .count();
        assertTrue(briefingsInFirstBlock >= 2, "parallel country briefings at 14:30");
        LocalDate secondDay = Times.paris(edition.startsAt()).toLocalDate().plusDays(1);
        assertTrue(all.stream().anyMatch(v -> v.session().kind() == SessionKind.SIDE_MEETING && v.session().title().toLowerCase().contains("japon")
                && Times.paris(v.session().startsAt()).toLocalDateTime().equals(secondDay.atTime(15, 30))));
    }

    @Test
    void the_maroc_meeting_of_30_march_2026_stays_a_monday_online_from_16_to_17() {
        Event maroc = events.findAll().stream()
                .filter(e -> e.slug().contains("maroc") && e.title().equals("Réunion du groupe-pays Maroc")
                        && Times.paris(e.startsAt()).toLocalTime().equals(LocalTime.of(16, 0))
                        && Times.paris(e.endsAt()).toLocalTime().equals(LocalTime.of(17, 0)))
                .findFirst().orElseThrow();
        assertEquals(DayOfWeek.MONDAY, Times.paris(maroc.startsAt()).getDayOfWeek());
        assertTrue(maroc.slug().endsWith(Times.paris(maroc.startsAt()).toLocalDate().toString()), maroc.slug());
        assertEquals("ONLINE", maroc.format().name());
    }

    @Test
    void at_today_the_next_edition_is_seven_months_ahead_at_its_wall_clock_times_and_open() {
        DemoPlacementChecks.nextEditionIsAheadAndOpen(events, dataSource, clock.instant());
    }

    @Test
    void at_today_the_next_edition_looks_a_few_weeks_after_its_opening() {
        DemoPlacementChecks.nextEditionLooksAFewWeeksAfterOpening(events, dataSource, clock.instant());
    }

    @Test
    void at_today_the_previous_edition_is_past_with_its_attendance() {
        DemoPlacementChecks.previousEditionIsPastWithAttendance(events, dataSource, clock.instant());
    }

    @Test
    void at_today_group_meetings_lie_between_three_months_ago_and_nine_months_ahead() {
        DemoPlacementChecks.groupMeetingsSpreadOverTheYearAround(events, clock.instant());
    }

    @Test
    void the_previous_editions_badges_were_printed_once_the_week_before_it() {
        Event previous = DemoPlacementChecks.previousEdition(events, clock.instant());
        List<BadgePrintRun> runs = badges.printRuns(previous.id());
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).badgeCount() > 200, "badges: " + runs.get(0).badgeCount());
        assertEquals(previous.startsAt().minus(Duration.ofDays(7)), runs.get(0).printedAt());
    }

    @Test
    void demo_staff_accounts_sign_in_with_the_demo_password() {
        for (String user : List.of("admin", "programme", "desk", "scanner")) {
            assertTrue(signIn.attempt(user, DemoDataLoader.DEMO_PASSWORD, "test").authentication().isPresent(), user);
        }
        assertFalse(signIn.attempt("admin", "wrong", "test").authentication().isPresent());
    }

    @Test
    void the_loader_never_touches_a_database_that_already_has_data() {
        assertFalse(loader.shouldLoad(), "tests configure load=never, and the database is not empty");
    }
}
