package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueService;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class SessionEditorTest {

    @Inject DataSource dataSource;
    @Inject ScheduleFixtures fixtures;
    @Inject SessionEditor editor;
    @Inject SessionRepository sessions;
    @Inject VenueService venues;
    @Inject AuditLog audit;
    @Inject TimetableService timetables;

    ScheduleFixtures.Small s;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = fixtures.small();
    }

    @Test
    void a_created_session_is_unscheduled_with_its_people_and_requirements() {
        Session created = editor.create(s.event().id(), new SessionForm("Atelier Eau", null, SessionKind.WORKSHOP,
                s.katja().id(), List.of(s.benoit().id()), List.of(), false, null, 70, "fr,en", true, false, 60), "prog");
        Session read = sessions.findById(created.id()).orElseThrow();
        assertNull(read.startsAt());
        assertTrue(read.requiresInterpretation());
        assertEquals(60, read.minutes());
        assertEquals(List.of(s.benoit().id()),
                sessions.findSpeakers(List.of(created.id())).stream().map(SessionSpeaker::personId).toList());
    }

    @Test
    void placing_moves_and_resizes_and_is_audited() {
        Session w = fixtures.session(s, "Atelier", null, 60, null, null);
        editor.place(s.event().id(), w.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(14, 30), 60,
                s.kleber().id()), "prog");
        Session moved = editor.place(s.event().id(), w.id(), new PlaceCommand(LocalDate.parse("2026-07-09"),
                LocalTime.of(9, 15), 105, s.iena().id()), "prog");
        assertEquals(Times.fromParis(LocalDateTime.parse("2026-07-09T09:15")), moved.startsAt());
        assertEquals(105, moved.minutes());
        assertEquals(s.iena().id(), moved.roomId());
        assertEquals(List.of("session.moved", "session.placed"),
                audit.of("session", w.id()).stream().map(e -> e.action()).toList());
    }

    @Test
    void unscheduling_keeps_the_length_for_the_next_placement() {
        Session w = fixtures.session(s, "Atelier", "2026-07-08T09:00", 75, s.kleber(), null);
        Session off = editor.unschedule(s.event().id(), w.id(), "prog");
        assertNull(off.startsAt());
        assertNull(off.roomId());
        assertEquals(75, sessions.findById(w.id()).orElseThrow().minutes());
    }

    @Test
    void a_slot_off_the_grid_outside_the_dates_in_another_venue_is_refused_with_every_reason() {
        Venue other = venues.create(new VenueForm("Sénat", null, null, "Paris", "FR", null, null), "test");
        Room clemenceau = venues.addRoom(other.id(), new RoomForm("Salle Clemenceau", 200, true, true, true, false), "t");
        Session w = fixtures.session(s, "Atelier", null, 60, null, null);
        DomainException e = assertThrows(DomainException.class, () -> editor.place(s.event().id(), w.id(),
                new PlaceCommand(LocalDate.parse("2026-07-10"), LocalTime.of(9, 10), 50, clemenceau.id()), "prog"));
        assertEquals(List.of("not_on_grid", "not_on_grid", "slot_outside_event", "room_not_in_venue"),
                e.problems().stream().map(Problem::code).toList());
        assertNull(sessions.findById(w.id()).orElseThrow().startsAt());
    }

    @Test
    void conflicts_are_allowed_in_work_in_progress_and_reported() {
        fixtures.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), s.benoit());
        Session w = fixtures.session(s, "Point Vietnam", null, 90, null, s.benoit());
        editor.place(s.event().id(), w.id(), new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(11, 30), 90,
                s.kleber().id()), "prog");
        List<String> codes = timetables.of(s.event()).conflicts().stream().map(Conflict::code).toList();
        assertEquals(List.of("room_double_booked", "person_overlap"), codes);
    }

    @Test
    void a_cancelled_session_leaves_the_conflicts_and_cannot_be_placed() {
        fixtures.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), null);
        Session w = fixtures.session(s, "Point Vietnam", "2026-07-08T11:00", 90, s.kleber(), null);
        editor.cancel(s.event().id(), w.id(), "intervenants empêchés", "prog");
        Timetable t = timetables.of(s.event());
        assertEquals(List.of(), t.conflicts());
        assertEquals(1, t.cancelled().size());
        DomainException e = assertThrows(DomainException.class, () -> editor.place(s.event().id(), w.id(),
                new PlaceCommand(LocalDate.parse("2026-07-08"), LocalTime.of(14, 0), 90, s.kleber().id()), "prog"));
        assertEquals("session_cancelled", e.code());
    }
}
