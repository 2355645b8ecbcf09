package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One test per timetabling rule, each checking a case it penalises and a case it leaves alone. */
class TimetableConstraintProviderTest {

    static final ConstraintVerifier<TimetableConstraintProvider, Plan> VERIFY =
            ConstraintVerifier.build(new TimetableConstraintProvider(), Plan.class, Placement.class);

    static final PlanRoom BIG = new PlanRoom(1L, "Grand Salon Iéna", 450, true, true, List.of());
    static final PlanRoom SMALL = new PlanRoom(2L, "Salon Monge", 30, false, false, List.of());
    static final long NINE = 29_700_000L; // some day at 09:00, in epoch minutes (the rules only compare)

    static Builder session(long id) {
        return new Builder(id);
    }

    static final class Builder {
        long id;
        long start = NINE;
        int minutes = 90;
        PlanRoom room = BIG;
        Set<Long> persons = Set.of();
        Set<String> themes = Set.of();
        int audience = 20;
        int interest = 20;
        boolean interpretation;
        boolean video;
        List<Span> fixed = List.of();
        List<Span> hours = List.of();
        List<Span> off = List.of();
        Map<Long, Integer> shared = Map.of();
        Long publishedStart;
        Long publishedRoom;
        SessionKind kind = SessionKind.WORKSHOP;
        String series;
        Integer seriesOrder;
        boolean besidePlenary;
        List<Span> meetings = List.of();
        boolean pinned;

        Builder(long id) {
            this.id = id;
        }

        Builder at(long minutesAfterNine) { start = NINE + minutesAfterNine; return this; }
        Builder in(PlanRoom r) { room = r; return this; }
        Builder people(Long... p) { persons = Set.of(p); return this; }
        Builder themes(String... t) { themes = Set.of(t); return this; }
        Builder audience(int a) { audience = a; interest = a; return this; }
        Builder needs(boolean i, boolean v) { interpretation = i; video = v; return this; }
        Builder fixed(Span... s) { fixed = List.of(s); return this; }
        Builder hours(Span... s) { hours = List.of(s); return this; }
        Builder off(Span... s) { off = List.of(s); return this; }
        Builder shared(long other, int n) { shared = Map.of(other, n); return this; }
        Builder plenary() { kind = SessionKind.PLENARY; return this; }
        Builder briefing() { kind = SessionKind.COUNTRY_BRIEFING; return this; }
        Builder series(String name, int order) { series = name; seriesOrder = order; return this; }
        Builder besidePlenary() { besidePlenary = true; return this; }
        Builder meeting(Span s) { meetings = List.of(s); return this; }
        Builder pinned() { pinned = true; return this; }
        Builder published(long minutesAfterNine, PlanRoom r) { publishedStart = NINE + minutesAfterNine; publishedRoom = r.id(); return this; }

        Placement build() {
            return new Placement(new Placement.About(id, "S" + id, kind, minutes, persons, themes),
                    new Placement.Needs(audience, interest, interpretation, video, shared,
                            new SessionShape(id, series, seriesOrder, besidePlenary)),
                    new Placement.Bounds(fixed, hours, new Span(NINE - 24 * 60, NINE + 7 * 24 * 60),
                            off.isEmpty() ? Map.of() : Map.of(7L, off), meetings.isEmpty() ? Map.of() : Map.of(7L, meetings), 15),
                    publishedStart == null ? null : new Placement.Published(publishedStart, publishedRoom), pinned,
                    new Cell(new Start(start), room));
        }
    }

    @Test
    void room_conflict_penalises_each_overlapping_quarter_in_one_room() {
        VERIFY.verifyThat(TimetableConstraintProvider::roomConflict)
                .given(session(1).build(), session(2).at(60).build(), session(3).at(60).in(SMALL).build())
                .penalizesBy(2);
        VERIFY.verifyThat(TimetableConstraintProvider::roomConflict)
                .given(session(1).build(), session(2).at(90).build()).penalizesBy(0);
    }

    @Test
    void person_conflict_penalises_a_person_in_two_places_at_once() {
        VERIFY.verifyThat(TimetableConstraintProvider::personConflict)
                .given(session(1).people(7L, 8L).build(), session(2).in(SMALL).at(75).people(7L).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::personConflict)
                .given(session(1).people(7L).build(), session(2).in(SMALL).at(90).people(7L).build())
                .penalizesBy(0);
    }

    @Test
    void room_capacity_penalises_an_audience_too_big_for_the_room() {
        VERIFY.verifyThat(TimetableConstraintProvider::roomCapacity)
                .given(session(1).in(SMALL).audience(55).build(), session(2).in(SMALL).audience(30).build())
                .penalizesBy(3);
    }

    @Test
    void room_equipment_penalises_missing_interpretation_or_video() {
        VERIFY.verifyThat(TimetableConstraintProvider::roomEquipment)
                .given(session(1).in(SMALL).needs(true, false).build(), session(2).in(SMALL).needs(false, true).build(),
                        session(3).in(BIG).needs(true, true).build())
                .penalizesBy(2);
    }

    @Test
    void fixed_time_windows_keep_briefings_and_plenaries_in_their_blocks() {
        Span block = new Span(NINE, NINE + 90);
        VERIFY.verifyThat(TimetableConstraintProvider::briefingBlocks)
                .given(session(1).briefing().fixed(block).build(), session(2).briefing().at(15).fixed(block).build(),
                        session(3).briefing().at(600).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::plenarySlots)
                .given(session(1).plenary().fixed(block).build(), session(2).plenary().at(15).fixed(block).build(),
                        session(3).briefing().at(15).fixed(block).build())
                .penalizesBy(1);
    }

    @Test
    void opening_hours_keep_sessions_inside_the_venue_days() {
        Span day = new Span(NINE - 60, NINE + 660);
        VERIFY.verifyThat(TimetableConstraintProvider::openingHours)
                .given(session(1).hours(day).build(), session(2).at(600).hours(day).build())
                .penalizesBy(1);
    }

    @Test
    void room_unavailability_is_respected() {
        PlanRoom closed = new PlanRoom(3L, "Salon Kléber", 80, false, true, List.of(new Span(NINE + 120, NINE + 240)));
        VERIFY.verifyThat(TimetableConstraintProvider::roomUnavailability)
                .given(session(1).in(closed).build(), session(2).in(closed).at(150).build())
                .penalizesBy(1);
    }

    @Test
    void person_unavailability_is_respected() {
        Span away = new Span(NINE + 60, NINE + 120);
        VERIFY.verifyThat(TimetableConstraintProvider::personUnavailability)
                .given(session(1).off(away).build(), session(2).at(120).off(away).build())
                .penalizesBy(1);
    }

    @Test
    void same_pole_in_parallel_costs_per_overlapping_quarter() {
        VERIFY.verifyThat(TimetableConstraintProvider::samePoleParallel)
                .given(session(1).themes("pole:AFRIQUE").build(),
                        session(2).in(SMALL).themes("pole:AFRIQUE", "group:3").build(),
                        session(3).in(SMALL).at(90).themes("pole:AFRIQUE").build())
                .penalizesBy(6);
    }

    @Test
    void the_session_with_more_interest_should_not_get_the_smaller_room() {
        VERIFY.verifyThat(TimetableConstraintProvider::biggerRoomsForMoreInterest)
                .given(session(1).in(SMALL).audience(120).build(), session(2).in(BIG).audience(20).build())
                .penalizesBy(11);
        VERIFY.verifyThat(TimetableConstraintProvider::biggerRoomsForMoreInterest)
                .given(session(1).in(BIG).audience(120).build(), session(2).in(SMALL).audience(20).build())
                .penalizesBy(0);
    }

    @Test
    void keeping_published_sessions_in_place_prefers_a_room_change_to_a_move() {
        VERIFY.verifyThat(TimetableConstraintProvider::keepPublishedPlacement)
                .given(session(1).published(0, BIG).build(), session(2).published(0, SMALL).build(),
                        session(3).published(60, BIG).build(), session(4).build())
                .penalizesBy(3);
    }

    @Test
    void attendee_clashes_count_people_who_chose_both_sessions() {
        VERIFY.verifyThat(TimetableConstraintProvider::attendeeClashes)
                .given(session(1).shared(2, 14).build(), session(2).in(SMALL).shared(1, 14).build(),
                        session(3).at(90).shared(1, 40).build())
                .penalizesBy(14);
    }

    @Test
    void nothing_runs_beside_a_plenary_unless_staff_allowed_that_session() {
        VERIFY.verifyThat(TimetableConstraintProvider::besidePlenary)
                .given(session(1).plenary().build(), session(2).in(SMALL).at(60).build())
                .penalizesBy(2);
        VERIFY.verifyThat(TimetableConstraintProvider::besidePlenary)
                .given(session(1).plenary().build(), session(2).in(SMALL).besidePlenary().build(),
                        session(3).in(SMALL).at(90).build())
                .penalizesBy(0);
    }

    @Test
    void nothing_starts_before_the_opening_plenary_on_its_day() {
        VERIFY.verifyThat(TimetableConstraintProvider::beforeOpeningPlenary)
                .given(session(1).plenary().at(60).build(), session(2).in(SMALL).build(),
                        session(3).plenary().at(300).build(), session(4).in(SMALL).at(200).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::beforeOpeningPlenary)
                .given(session(1).plenary().build(), session(2).in(SMALL).at(90).build())
                .penalizesBy(0);
    }

    @Test
    void nothing_ends_after_the_closing_plenary_on_its_day() {
        VERIFY.verifyThat(TimetableConstraintProvider::afterClosingPlenary)
                .given(session(1).plenary().build(), session(3).plenary().at(300).build(),
                        session(2).in(SMALL).at(390).build(), session(4).in(SMALL).at(120).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::afterClosingPlenary)
                .given(session(1).plenary().at(300).build(), session(2).in(SMALL).at(180).build())
                .penalizesBy(0);
    }

    @Test
    void the_sessions_of_a_series_run_in_their_order() {
        VERIFY.verifyThat(TimetableConstraintProvider::seriesOrder)
                .given(session(1).series("B2B", 2).build(), session(2).in(SMALL).at(60).series("B2B", 1).build(),
                        session(3).in(SMALL).at(-120).series("Cafés", 2).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::seriesOrder)
                .given(session(1).series("B2B", 1).build(), session(2).at(90).series("B2B", 2).build())
                .penalizesBy(0);
    }

    @Test
    void a_chair_holding_an_accepted_group_meeting_is_avoided_not_refused() {
        VERIFY.verifyThat(TimetableConstraintProvider::chairInGroupMeeting)
                .given(session(1).meeting(new Span(NINE + 30, NINE + 90)).build(),
                        session(2).at(120).meeting(new Span(NINE, NINE + 60)).build())
                .penalizesBy(1);
    }

    @Test
    void one_registrant_losing_a_chosen_session_weighs_more_than_a_whole_same_theme_overlap() {
        VERIFY.verifyThat().given(session(1).shared(2, 1).build(), session(2).in(SMALL).build())
                .scores(HardSoftScore.ofSoft(-TimetableConstraintProvider.ATTENDEE_CLASH_WEIGHT));
        VERIFY.verifyThat().given(session(1).themes("pole:ASIE").build(), session(2).in(SMALL).themes("pole:ASIE").build())
                .scores(HardSoftScore.ofSoft(-60));
        org.junit.jupiter.api.Assertions.assertTrue(TimetableConstraintProvider.ATTENDEE_CLASH_WEIGHT > 60);
    }

    @Test
    void a_session_outside_the_event_days_breaks_the_event_dates() {
        VERIFY.verifyThat(TimetableConstraintProvider::eventDates)
                .given(session(1).build(), session(2).at(8 * 24 * 60).build(), session(3).at(-2 * 24 * 60).build())
                .penalizesBy(2);
    }

    @Test
    void a_person_changing_rooms_needs_the_pause_but_not_in_the_same_room() {
        VERIFY.verifyThat(TimetableConstraintProvider::personPause)
                .given(session(1).people(7L).build(), session(2).in(SMALL).at(100).people(7L).build(),
                        session(3).in(SMALL).at(190).people(7L).build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::personPause)
                .given(session(1).people(7L).build(), session(2).in(SMALL).at(105).people(7L).build())
                .penalizesBy(0);
    }

    @Test
    void the_shape_rules_only_warn_softly_when_staff_kept_both_sessions_in_place() {
        VERIFY.verifyThat(TimetableConstraintProvider::besidePlenary)
                .given(session(1).plenary().pinned().build(), session(2).in(SMALL).at(60).pinned().build())
                .penalizesBy(0);
        VERIFY.verifyThat(TimetableConstraintProvider::besidePlenaryKept)
                .given(session(1).plenary().pinned().build(), session(2).in(SMALL).at(60).pinned().build())
                .penalizesBy(2);
        VERIFY.verifyThat(TimetableConstraintProvider::seriesOrderKept)
                .given(session(1).series("B2B", 2).pinned().build(), session(2).in(SMALL).at(60).series("B2B", 1).build())
                .penalizesBy(0);
        VERIFY.verifyThat(TimetableConstraintProvider::beforeOpeningPlenaryKept)
                .given(session(1).plenary().at(60).pinned().build(), session(2).in(SMALL).pinned().build())
                .penalizesBy(1);
        VERIFY.verifyThat(TimetableConstraintProvider::afterClosingPlenaryKept)
                .given(session(1).plenary().pinned().build(), session(2).in(SMALL).at(60).pinned().build())
                .penalizesBy(1);
    }
}
