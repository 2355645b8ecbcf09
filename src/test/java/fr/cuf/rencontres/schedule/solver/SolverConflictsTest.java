package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.Equipment;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionShape;
import fr.cuf.rencontres.schedule.TimetableFacts;
import fr.cuf.rencontres.schedule.Window;
import fr.cuf.rencontres.schedule.TimetableFacts.RoomFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.SessionFacts;
import fr.cuf.rencontres.support.Times;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One case per conflict code, small: the editor's conflicts as Timefold's analysis of the constraints finds
 * them (every session pinned where staff put it), with the sessions and the values their sentences name.
 */
class SolverConflictsTest {

    static final SolverConflicts FINDER = new SolverConflicts(SolutionManager.create(SolverFactory.create(SolverBeans.config())));

    static final RoomFacts IENA = new RoomFacts(1, "Grand Salon Iéna", 450, true, true, List.of());
    static final RoomFacts KLEBER = new RoomFacts(2, "Salon Kléber", 80, false, true, List.of());
    static final RoomFacts MONGE = new RoomFacts(3, "Salon Monge", 30, false, false, List.of());

    final List<SessionFacts> sessions = new ArrayList<>();
    final Map<Long, List<Window>> personOff = new HashMap<>();
    final Map<Long, List<Window>> inMeeting = new HashMap<>();
    final Map<Long, SessionShape> shapes = new HashMap<>();
    final List<Window> briefing = new ArrayList<>();
    final List<Window> plenary = new ArrayList<>();
    List<RoomFacts> rooms = List.of(IENA, KLEBER, MONGE);

    static Window at(String start, int minutes) {
        LocalDateTime s = LocalDateTime.parse(start);
        return new Window(Times.fromParis(s), Times.fromParis(s.plusMinutes(minutes)));
    }

    SessionFacts add(long id, SessionKind kind, String start, int minutes, long room, Set<Long> people,
                     Set<String> themes, int audience) {
        SessionFacts s = new SessionFacts(id, "S" + id, kind, at(start, minutes), room, people, themes, audience,
                false, false, minutes);
        sessions.add(s);
        return s;
    }

    SessionFacts workshop(long id, String start, long room, Long... people) {
        return add(id, SessionKind.WORKSHOP, start, 90, room, Set.of(people), Set.of(), 20);
    }

    List<Conflict> detect() {
        Map<Long, RoomFacts> byId = new HashMap<>();
        rooms.forEach(r -> byId.put(r.id(), r));
        return FINDER.find(new TimetableFacts(LocalDate.parse("2026-07-08"), LocalDate.parse("2026-07-09"),
                LocalTime.parse("08:00"), LocalTime.parse("20:00"), briefing, plenary, byId,
                Map.of(10L, "Katja Krüger", 11L, "Benoît Pilet"), personOff, Duration.ofMinutes(15), sessions,
                inMeeting, shapes));
    }

    List<String> codes() {
        return detect().stream().map(Conflict::code).toList();
    }

    @Test
    void a_clean_timetable_has_no_conflict() {
        workshop(1, "2026-07-08T09:00", 1, 10L);
        workshop(2, "2026-07-08T09:00", 2, 11L);
        workshop(3, "2026-07-08T10:45", 3, 10L);
        assertEquals(List.of(), codes());
    }

    @Test
    void two_sessions_in_one_room_at_once_double_book_it() {
        workshop(1, "2026-07-08T09:00", 2);
        workshop(2, "2026-07-08T10:00", 2);
        workshop(3, "2026-07-08T11:30", 2);
        List<Conflict> found = detect();
        assertEquals(1, found.size(), found.toString());
        Conflict c = found.get(0);
        assertEquals("room_double_booked", c.code());
        assertTrue(c.hard());
        assertEquals(List.of(1L, 2L), c.sessionIds());
        assertEquals("Salon Kléber", c.args().get(0));
    }

    @Test
    void a_person_in_two_overlapping_sessions_is_reported_with_their_name() {
        workshop(1, "2026-07-08T09:00", 1, 10L);
        workshop(2, "2026-07-08T10:00", 2, 10L, 11L);
        List<Conflict> found = detect();
        assertEquals(List.of("person_overlap"), found.stream().map(Conflict::code).toList());
        assertEquals("Katja Krüger", found.get(0).args().get(0));
    }

    @Test
    void a_person_needs_a_pause_between_rooms_but_not_in_the_same_room() {
        workshop(1, "2026-07-08T09:00", 1, 10L);
        workshop(2, "2026-07-08T10:40", 2, 10L); // 10 minutes after, other room
        workshop(3, "2026-07-08T12:10", 2, 10L); // right after, same room
        List<Conflict> found = detect();
        assertEquals(List.of("person_no_pause"), found.stream().map(Conflict::code).toList());
        assertFalse(found.get(0).hard(), "a missing pause is a soft warning");
        assertEquals(List.of(1L, 2L), found.get(0).sessionIds());
    }

    @Test
    void a_pause_of_exactly_the_setting_is_enough() {
        workshop(1, "2026-07-08T09:00", 1, 10L);
        workshop(2, "2026-07-08T10:45", 2, 10L);
        assertEquals(List.of(), codes());
    }

    @Test
    void expected_audience_above_room_capacity_is_over_capacity() {
        add(1, SessionKind.WORKSHOP, "2026-07-08T09:00", 90, 3, Set.of(), Set.of(), 31);
        add(2, SessionKind.WORKSHOP, "2026-07-08T09:00", 90, 2, Set.of(), Set.of(), 80);
        List<Conflict> found = detect();
        assertEquals(List.of("over_capacity"), found.stream().map(Conflict::code).toList());
        assertEquals(List.of("S1", 31, "Salon Monge", 30), found.get(0).args());
    }

    @Test
    void a_required_equipment_the_room_lacks_is_missing_equipment() {
        sessions.add(new SessionFacts(1, "Plénière", SessionKind.WORKSHOP, at("2026-07-08T09:00", 60), 2L, Set.of(),
                Set.of(), 10, true, true, 60));
        sessions.add(new SessionFacts(2, "Visio", SessionKind.WORKSHOP, at("2026-07-08T09:00", 60), 3L, Set.of(),
                Set.of(), 10, false, true, 60));
        sessions.add(new SessionFacts(3, "Tout équipé", SessionKind.WORKSHOP, at("2026-07-08T09:00", 60), 1L,
                Set.of(), Set.of(), 10, true, true, 60));
        List<Conflict> found = detect();
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().allMatch(c -> c.code().equals("missing_equipment")));
        assertEquals(Equipment.INTERPRETATION, found.get(0).args().get(2));
        assertEquals(Equipment.VIDEO_LINK, found.get(1).args().get(2));
    }

    @Test
    void a_session_past_closing_time_is_outside_venue_hours() {
        workshop(1, "2026-07-08T19:00", 1);
        workshop(2, "2026-07-08T07:30", 2);
        workshop(3, "2026-07-08T18:30", 3); // ends 20:00 exactly
        assertEquals(List.of("outside_venue_hours", "outside_venue_hours"), codes());
    }

    @Test
    void a_session_on_another_day_is_outside_event_dates() {
        workshop(1, "2026-07-10T09:00", 1);
        workshop(2, "2026-07-07T09:00", 2);
        assertEquals(List.of("outside_event_dates", "outside_event_dates"), codes());
    }

    @Test
    void a_country_briefing_must_sit_inside_a_briefing_block() {
        briefing.add(at("2026-07-08T14:30", 90));
        add(1, SessionKind.COUNTRY_BRIEFING, "2026-07-08T14:30", 90, 1, Set.of(), Set.of(), 10);
        add(2, SessionKind.COUNTRY_BRIEFING, "2026-07-08T15:00", 90, 2, Set.of(), Set.of(), 10);
        add(3, SessionKind.WORKSHOP, "2026-07-08T16:00", 90, 3, Set.of(), Set.of(), 10);
        List<Conflict> found = detect();
        assertEquals(List.of("briefing_outside_blocks"), found.stream().map(Conflict::code).toList());
        assertEquals(List.of(2L), found.get(0).sessionIds());
    }

    @Test
    void without_briefing_blocks_briefings_may_go_anywhere() {
        add(1, SessionKind.COUNTRY_BRIEFING, "2026-07-08T09:00", 90, 1, Set.of(), Set.of(), 10);
        assertEquals(List.of(), codes());
    }

    @Test
    void a_plenary_must_sit_in_a_plenary_slot() {
        plenary.add(at("2026-07-08T09:00", 90));
        add(1, SessionKind.PLENARY, "2026-07-08T09:00", 90, 1, Set.of(), Set.of(), 10);
        add(2, SessionKind.PLENARY, "2026-07-08T11:00", 90, 1, Set.of(), Set.of(), 10);
        assertEquals(List.of("plenary_outside_slots"), codes());
    }

    @Test
    void same_pole_in_parallel_is_a_soft_warning() {
        add(1, SessionKind.COUNTRY_BRIEFING, "2026-07-08T14:30", 90, 1, Set.of(), Set.of("pole:AFRIQUE", "group:1"), 10);
        add(2, SessionKind.COUNTRY_BRIEFING, "2026-07-08T14:30", 90, 2, Set.of(), Set.of("pole:AFRIQUE", "group:2"), 10);
        add(3, SessionKind.COUNTRY_BRIEFING, "2026-07-08T14:30", 90, 3, Set.of(), Set.of("pole:ASIE", "group:3"), 10);
        add(4, SessionKind.COUNTRY_BRIEFING, "2026-07-08T16:30", 90, 3, Set.of(), Set.of("pole:AFRIQUE", "group:4"), 10);
        List<Conflict> found = detect();
        assertEquals(List.of("same_pole_parallel"), found.stream().map(Conflict::code).toList());
        assertFalse(found.get(0).hard());
        assertEquals(List.of(1L, 2L), found.get(0).sessionIds());
    }

    @Test
    void an_unavailable_person_is_reported() {
        personOff.put(11L, List.of(at("2026-07-08T10:00", 30)));
        workshop(1, "2026-07-08T09:00", 1, 10L, 11L);
        workshop(2, "2026-07-08T11:00", 2, 11L);
        List<Conflict> found = detect();
        assertEquals(List.of("person_unavailable"), found.stream().map(Conflict::code).toList());
        assertEquals(List.of("Benoît Pilet", "S1"), found.get(0).args());
    }

    @Test
    void an_unavailable_room_is_reported() {
        rooms = List.of(IENA, new RoomFacts(2, "Salon Kléber", 80, false, true, List.of(at("2026-07-08T09:00", 60))));
        workshop(1, "2026-07-08T09:30", 2);
        workshop(2, "2026-07-08T11:00", 2);
        assertEquals(List.of("room_unavailable"), codes());
    }

    @Test
    void unplaced_sessions_have_no_conflicts() {
        sessions.add(new SessionFacts(1, "Atelier à placer", SessionKind.WORKSHOP, null, null, Set.of(10L), Set.of(),
                500, true, true, 90));
        workshop(2, "2026-07-08T09:00", 3, 10L);
        assertEquals(List.of(), codes());
    }

    @Test
    void a_chair_in_a_group_meeting_staff_accepted_is_a_warning_not_a_blocking_unavailability() {
        workshop(1, "2026-07-08T09:00", 1, 10L);
        inMeeting.put(10L, List.of(at("2026-07-08T10:00", 60)));
        List<Conflict> found = detect();
        assertEquals(List.of("person_in_meeting"), found.stream().map(Conflict::code).toList());
        assertEquals(false, found.get(0).hard(), "publishing is not refused for it");
    }

    @Test
    void a_session_beside_a_plenary_warns_unless_staff_allowed_it() {
        add(1, SessionKind.PLENARY, "2026-07-08T09:00", 90, 1, Set.of(), Set.of(), 300);
        add(2, SessionKind.WORKSHOP, "2026-07-08T10:00", 30, 2, Set.of(), Set.of(), 20);
        workshop(3, "2026-07-08T09:00", 3);
        shapes.put(3L, new SessionShape(3, null, null, true));
        assertEquals(List.of("beside_plenary"), codes());
    }

    @Test
    void nothing_before_the_opening_plenary_nor_after_the_closing_one_on_their_days() {
        add(1, SessionKind.PLENARY, "2026-07-08T09:00", 90, 1, Set.of(), Set.of(), 300);
        add(2, SessionKind.PLENARY, "2026-07-09T15:00", 90, 1, Set.of(), Set.of(), 300);
        workshop(3, "2026-07-08T08:00", 2);
        workshop(4, "2026-07-09T16:00", 3);
        workshop(5, "2026-07-08T18:00", 2);
        List<Conflict> found = detect().stream().filter(c -> c.code().equals("outside_plenary_frame")).toList();
        assertEquals(List.of(List.of(3L, 1L), List.of(4L, 2L)), found.stream().map(Conflict::sessionIds).toList());
    }

    @Test
    void a_later_session_of_a_series_before_the_earlier_one_has_ended_is_out_of_order() {
        workshop(1, "2026-07-08T14:00", 1);
        workshop(2, "2026-07-08T11:00", 2);
        shapes.put(1L, new SessionShape(1, "B2B", 1, false));
        shapes.put(2L, new SessionShape(2, "B2B", 2, false));
        assertEquals(List.of("series_out_of_order"), codes());
        shapes.put(2L, new SessionShape(2, "B2B", 3, false));
        workshop(3, "2026-07-08T16:00", 3);
        shapes.put(3L, new SessionShape(3, "B2B", 2, false));
        assertEquals(2, codes().size(), "rank 1 (14:00) before rank 3 (11:00) broken, rank 2 (16:00) before rank 3 broken, 1 before 2 kept");
    }

    @Test
    void a_session_whose_room_left_the_venue_keeps_its_person_conflicts_and_no_room_one() {
        sessions.add(new SessionFacts(1, "S1", SessionKind.WORKSHOP, at("2026-07-08T09:00", 90), null, Set.of(10L),
                Set.of(), 900, true, true, 90));
        workshop(2, "2026-07-08T10:00", 2, 10L);
        List<Conflict> found = detect();
        assertEquals(List.of("person_overlap"), found.stream().map(Conflict::code).toList());
        assertEquals(List.of(1L, 2L), found.get(0).sessionIds());
    }
}
