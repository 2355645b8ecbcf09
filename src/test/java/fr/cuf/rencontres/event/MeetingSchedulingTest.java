package fr.cuf.rencontres.event;

import fr.cuf.rencontres.schedule.ConflictCode;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.schedule.ScheduleFixtures;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.schedule.Unavailability;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.TestDatabase;
import fr.cuf.rencontres.support.Times;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scheduling, moving and cancelling group meetings: the room, the chair's other commitments, the reason. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class MeetingSchedulingTest {

    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject ScheduleFixtures schedule;
    @Inject EventService events;
    @Inject EventRepository eventRows;
    @Inject MeetingChanges meetings;
    @Inject SessionRepository sessions;
    @Inject Unavailability.RoomUnavailabilityRepository roomOff;
    @Inject Unavailability.PersonUnavailabilityRepository personOff;
    @Inject AuditLog audit;
    @Inject fr.cuf.rencontres.schedule.TimetableService timetable;

    ScheduleFixtures.Small s;
    Group japon;
    Group chine;
    Group maroc;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = schedule.small();
        japon = fixtures.countryGroup("Groupe-pays Japon", Pole.ASIE, s.katja());
        chine = fixtures.countryGroup("Groupe-pays Chine", Pole.ASIE, s.katja());
        maroc = fixtures.countryGroup("Groupe-pays Maroc", Pole.MEDITERRANEE, null);
    }

    private EventForm form(Group group, String slug, String start, int minutes, EventFormat format, Room room) {
        LocalDateTime at = LocalDateTime.parse(start);
        return new EventForm("Réunion " + group.name(), slug, EventKind.GROUP_MEETING, null, null, at,
                at.plusMinutes(minutes), format, format == EventFormat.ONLINE ? null : s.venue().id(), null,
                "https://visio.example.org/" + slug, false, group.id(), null,
                null, null, EventStatus.PUBLISHED, room == null ? null : room.id());
    }

    private Event meeting(Group group, String slug, String start, int minutes, EventFormat format, Room room) {
        return events.create(form(group, slug, start, minutes, format, room), false, "prog");
    }

    private static List<String> codes(DomainException e) {
        return e.problems().stream().map(Problem::code).toList();
    }

    private DomainException refused(Group group, String slug, String start, int minutes, EventFormat format, Room room,
                                    boolean confirmed) {
        return assertThrows(DomainException.class,
                () -> events.create(form(group, slug, start, minutes, format, room), confirmed, "prog"));
    }

    private long sequence(long eventId) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sequence FROM event WHERE id = " + eventId)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_online_meeting_needs_no_room_and_keeps_none() {
        Event online = events.create(new EventForm("Réunion Maroc", "maroc-en-ligne", EventKind.GROUP_MEETING, null,
                null, LocalDateTime.parse("2026-06-04T10:00"), LocalDateTime.parse("2026-06-04T11:00"),
                EventFormat.ONLINE, null, null, "https://visio.example.org/maroc", false, maroc.id(), null, null, null,
                EventStatus.PUBLISHED, s.kleber().id()), false, "prog");
        assertNull(online.roomId(), "a room given to an online meeting is not kept");
        // and an online meeting never takes a room from anyone
        meeting(maroc, "maroc-salle", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
    }

    @Test
    void the_room_must_be_one_of_the_venue() {
        Event hybrid = meeting(maroc, "maroc-hybride", "2026-06-04T10:00", 60, EventFormat.HYBRID, s.monge());
        assertEquals(s.monge().id(), hybrid.roomId());
        EventForm elsewhere = new EventForm("Réunion", "maroc-ailleurs", EventKind.GROUP_MEETING, null, null,
                LocalDateTime.parse("2026-06-05T10:00"), LocalDateTime.parse("2026-06-05T11:00"), EventFormat.IN_PERSON,
                null, "Hôtel de ville d'Aix-en-Provence", null, false, maroc.id(), null, null, null,
                EventStatus.PUBLISHED, s.kleber().id());
        DomainException e = assertThrows(DomainException.class, () -> events.create(elsewhere, true, "prog"));
        assertEquals(List.of("room_not_in_venue"), codes(e));
        assertEquals("roomId", e.problems().get(0).field());
    }

    @Test
    void a_room_held_by_another_meeting_is_refused_even_when_confirmed() {
        meeting(maroc, "maroc-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
        DomainException e = refused(japon, "japon-1", "2026-06-04T10:30", 60, EventFormat.HYBRID, s.kleber(), true);
        assertEquals(List.of("room_taken_meeting"), codes(e));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(List.of("Salon Kléber", "Réunion Groupe-pays Maroc", "04/06/2026 10:00–11:00"),
                e.problems().get(0).args());
        assertTrue(eventRows.findBySlug("japon-1").isEmpty(), "nothing written");
        // back to back is fine, and so is another room
        meeting(japon, "japon-2", "2026-06-04T11:00", 60, EventFormat.IN_PERSON, s.kleber());
        meeting(chine, "chine-1", "2026-06-04T10:30", 30, EventFormat.IN_PERSON, s.monge());
    }

    @Test
    void the_timetable_grid_warns_about_a_session_placed_against_a_meeting() {
        Event kleber = meeting(maroc, "maroc-kleber", "2026-07-08T14:00", 60, EventFormat.IN_PERSON, s.kleber());
        meeting(japon, "japon-katja", "2026-07-08T10:00", 60, EventFormat.ONLINE, null);
        Session inRoom = fixtures.session(s.event(), "Atelier eau", SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T14:30"), 60, s.kleber(), s.benoit());
        Session chaired = fixtures.session(s.event(), "Atelier climat", SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T10:30"), 60, s.monge(), s.katja());
        Session elsewhere = fixtures.session(s.event(), "Atelier culture", SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T14:30"), 60, s.iena(), s.katja());

        List<Conflict> conflicts = timetable.conflicts(s.event());
        assertTrue(conflicts.stream().anyMatch(c -> c.kind() == ConflictCode.ROOM_UNAVAILABLE && c.concerns(inRoom.id())),
                conflicts.toString());
        // a warning, not a blocking conflict: staff may have agreed that the chair leaves the meeting early (issue 15)
        assertTrue(conflicts.stream().anyMatch(c -> c.kind() == ConflictCode.PERSON_IN_MEETING
                && c.concerns(chaired.id())), "the chair of Japon chairs its meeting then: " + conflicts);
        assertTrue(conflicts.stream().noneMatch(c -> c.concerns(elsewhere.id())), conflicts.toString());

        meetings.cancel(kleber.id(), "Report", "prog");
        assertTrue(timetable.conflicts(s.event()).stream().noneMatch(c -> c.concerns(inRoom.id())),
                "a cancelled meeting holds nothing");
    }

    @Test
    void a_room_holding_a_session_is_refused() {
        fixtures.session(s.event(), "Point Chine", SessionKind.COUNTRY_BRIEFING, LocalDateTime.parse("2026-07-08T11:00"),
                90, s.kleber(), s.benoit());
        DomainException e = refused(maroc, "maroc-rencontres", "2026-07-08T12:00", 60, EventFormat.IN_PERSON, s.kleber(),
                true);
        assertEquals(List.of("room_taken_session"), codes(e));
        assertEquals("Point Chine", e.problems().get(0).args().get(1));
    }

    @Test
    void a_room_marked_unavailable_is_refused() {
        Instant now = Instant.now();
        roomOff.save(new Unavailability.OfRoom(null, s.kleber().id(), Times.fromParis(LocalDateTime.parse("2026-06-04T08:00")),
                Times.fromParis(LocalDateTime.parse("2026-06-04T12:00")), "Travaux", now));
        DomainException e = refused(maroc, "maroc-travaux", "2026-06-04T11:00", 60, EventFormat.IN_PERSON, s.kleber(),
                true);
        assertEquals(List.of("room_unavailable"), codes(e));
        assertEquals(" (Travaux)", e.problems().get(0).args().get(2));
    }

    @Test
    void the_chair_chairing_another_meeting_is_a_warning_to_confirm() {
        meeting(japon, "japon-1", "2026-06-04T10:00", 60, EventFormat.ONLINE, null);
        DomainException e = refused(chine, "chine-1", "2026-06-04T10:30", 60, EventFormat.ONLINE, null, false);
        assertEquals(List.of("chair_busy_meeting"), codes(e));
        assertEquals(MeetingConflicts.CONFIRM_FIELD, e.problems().get(0).field());
        assertEquals("Katja Krüger", e.problems().get(0).args().get(0));
        Event kept = meeting(chine, "chine-1", "2026-06-04T11:00", 60, EventFormat.ONLINE, null);
        assertEquals("chine-1", kept.slug());
        Event confirmed = events.create(form(chine, "chine-2", "2026-06-04T10:30", 60, EventFormat.ONLINE, null), true,
                "prog");
        assertEquals("chine-2", confirmed.slug());
    }

    @Test
    void the_chair_chairing_or_speaking_in_a_session_is_a_warning() {
        fixtures.session(s.event(), "Plénière d'ouverture", SessionKind.PLENARY, LocalDateTime.parse("2026-07-08T09:00"),
                60, s.iena(), s.katja());
        Session atelier = fixtures.session(s.event(), "Atelier Climat", SessionKind.WORKSHOP,
                LocalDateTime.parse("2026-07-08T14:00"), 60, s.monge(), s.benoit());
        sessions.addSpeaker(atelier.id(), s.katja().id(), 0);
        assertEquals(List.of("chair_busy_session"),
                codes(refused(japon, "japon-1", "2026-07-08T09:30", 60, EventFormat.ONLINE, null, false)));
        assertEquals(List.of("chair_busy_session"),
                codes(refused(japon, "japon-2", "2026-07-08T14:30", 60, EventFormat.ONLINE, null, false)));
    }

    @Test
    void the_chair_marked_unavailable_is_a_warning() {
        personOff.save(new Unavailability.OfPerson(null, s.katja().id(),
                Times.fromParis(LocalDateTime.parse("2026-06-04T00:00")),
                Times.fromParis(LocalDateTime.parse("2026-06-05T00:00")), "Conseil régional", Instant.now()));
        DomainException e = refused(japon, "japon-1", "2026-06-04T10:00", 60, EventFormat.ONLINE, null, false);
        assertEquals(List.of("chair_unavailable"), codes(e));
    }

    @Test
    void room_refusals_and_chair_warnings_come_together() {
        meeting(japon, "japon-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
        assertEquals(List.of("room_taken_meeting", "chair_busy_meeting"),
                codes(refused(chine, "chine-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber(), false)));
    }

    @Test
    void a_cancelled_meeting_holds_neither_room_nor_chair() {
        Event first = meeting(japon, "japon-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
        meetings.cancel(first.id(), "Report à l'automne", "prog");
        meeting(chine, "chine-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
    }

    @Test
    void a_move_changes_time_room_and_format_keeps_the_uid_raises_the_sequence_and_is_audited() {
        Event m = meeting(maroc, "maroc-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
        long before = sequence(m.id());
        Event moved = meetings.move(m.id(), new MoveCommand(LocalDateTime.parse("2026-06-05T14:00"),
                LocalDateTime.parse("2026-06-05T15:30"), EventFormat.HYBRID, s.monge().id(), "Salle Kléber en travaux",
                false), "prog");
        Event read = eventRows.findById(m.id()).orElseThrow();
        assertEquals(m.slug(), read.slug());
        assertEquals(LocalDateTime.parse("2026-06-05T14:00"), Times.paris(read.startsAt()).toLocalDateTime());
        assertEquals(EventFormat.HYBRID, read.format());
        assertEquals(s.monge().id(), read.roomId());
        assertEquals(moved.version(), read.version());
        assertEquals(before + 1, sequence(m.id()));
        assertTrue(audit.of("event", m.id()).get(0).detail().endsWith(": Salle Kléber en travaux"));
        assertEquals("event.moved", audit.of("event", m.id()).get(0).action());

        // moved online: the room is freed for others
        meetings.move(m.id(), new MoveCommand(LocalDateTime.parse("2026-06-05T14:00"),
                LocalDateTime.parse("2026-06-05T15:30"), EventFormat.ONLINE, s.monge().id(), "Grève", false), "prog");
        assertNull(eventRows.findById(m.id()).orElseThrow().roomId());
        meeting(japon, "japon-1", "2026-06-05T14:00", 60, EventFormat.IN_PERSON, s.monge());
    }

    @Test
    void a_move_is_checked_like_a_new_meeting_and_refused_without_writing() {
        meeting(japon, "japon-1", "2026-06-04T10:00", 60, EventFormat.IN_PERSON, s.kleber());
        Event m = meeting(maroc, "maroc-1", "2026-06-04T14:00", 60, EventFormat.IN_PERSON, s.monge());
        DomainException e = assertThrows(DomainException.class, () -> meetings.move(m.id(), new MoveCommand(
                LocalDateTime.parse("2026-06-04T10:30"), LocalDateTime.parse("2026-06-04T11:30"), EventFormat.IN_PERSON,
                s.kleber().id(), "Plus grande salle", true), "prog"));
        assertEquals(List.of("room_taken_meeting"), codes(e));
        Event read = eventRows.findById(m.id()).orElseThrow();
        assertEquals(s.monge().id(), read.roomId());
        assertEquals(m.startsAt(), read.startsAt());

        Event chine1 = meeting(chine, "chine-1", "2026-06-04T16:00", 60, EventFormat.ONLINE, null);
        assertEquals(List.of("chair_busy_meeting"), codes(assertThrows(DomainException.class, () -> meetings.move(
                chine1.id(), new MoveCommand(LocalDateTime.parse("2026-06-04T10:00"),
                        LocalDateTime.parse("2026-06-04T11:00"), EventFormat.ONLINE, null, "Avancée", false), "prog"))));
        meetings.move(chine1.id(), new MoveCommand(LocalDateTime.parse("2026-06-04T10:00"),
                LocalDateTime.parse("2026-06-04T11:00"), EventFormat.ONLINE, null, "Avancée", true), "prog");
    }

    @Test
    void a_move_needs_a_reason_a_change_and_a_meeting_that_is_not_cancelled() {
        Event m = meeting(maroc, "maroc-1", "2026-06-04T10:00", 60, EventFormat.ONLINE, null);
        DomainException noReason = assertThrows(DomainException.class, () -> meetings.move(m.id(), new MoveCommand(
                LocalDateTime.parse("2026-06-04T11:00"), LocalDateTime.parse("2026-06-04T10:00"), EventFormat.ONLINE,
                null, " ", false), "prog"));
        assertEquals(List.of("required", "end_before_start"), codes(noReason));
        assertEquals(List.of("move_changes_nothing"), codes(assertThrows(DomainException.class, () -> meetings.move(
                m.id(), new MoveCommand(LocalDateTime.parse("2026-06-04T10:00"), LocalDateTime.parse("2026-06-04T11:00"),
                        EventFormat.ONLINE, null, "Rien", false), "prog"))));
        assertEquals(List.of("not_a_meeting"), codes(assertThrows(DomainException.class, () -> meetings.move(
                s.event().id(), new MoveCommand(LocalDateTime.parse("2026-07-10T09:00"),
                        LocalDateTime.parse("2026-07-10T18:00"), EventFormat.IN_PERSON, null, "Report", false), "prog"))));
        meetings.cancel(m.id(), "Annulée", "prog");
        assertEquals(List.of("meeting_cancelled"), codes(assertThrows(DomainException.class, () -> meetings.move(
                m.id(), new MoveCommand(LocalDateTime.parse("2026-06-05T10:00"), LocalDateTime.parse("2026-06-05T11:00"),
                        EventFormat.ONLINE, null, "Reprise", false), "prog"))));
    }

    @Test
    void a_cancellation_needs_a_reason_is_kept_audited_and_raises_the_sequence_once() {
        Event m = meeting(maroc, "maroc-1", "2026-06-04T10:00", 60, EventFormat.ONLINE, null);
        DomainException e = assertThrows(DomainException.class, () -> meetings.cancel(m.id(), "  ", "prog"));
        assertEquals(List.of("required"), codes(e));
        assertEquals("reason", e.problems().get(0).field());
        assertEquals(EventStatus.PUBLISHED, eventRows.findById(m.id()).orElseThrow().status());

        long before = sequence(m.id());
        meetings.cancel(m.id(), "Le président est souffrant", "prog");
        Event read = eventRows.findById(m.id()).orElseThrow();
        assertEquals(EventStatus.CANCELLED, read.status());
        assertEquals("Le président est souffrant", read.cancellationReason());
        assertEquals(before + 1, sequence(m.id()));
        assertEquals("event.cancelled", audit.of("event", m.id()).get(0).action());

        meetings.cancel(m.id(), "Autre motif", "prog");
        assertEquals("Le président est souffrant", eventRows.findById(m.id()).orElseThrow().cancellationReason());
        assertEquals(before + 1, sequence(m.id()), "a second cancellation changes nothing");
    }

    @Test
    void a_draft_is_not_cancelled() {
        Event draft = events.create(new EventForm("Réunion Maroc", "maroc-brouillon", EventKind.GROUP_MEETING, null,
                null, LocalDateTime.parse("2026-06-04T10:00"), LocalDateTime.parse("2026-06-04T11:00"),
                EventFormat.ONLINE, null, null, null, false, maroc.id(), null, null, null, EventStatus.DRAFT), "prog");
        assertEquals(List.of("draft_cannot_be_cancelled"),
                codes(assertThrows(DomainException.class, () -> meetings.cancel(draft.id(), "Inutile", "prog"))));
    }

    @Test
    void two_staff_booking_one_room_at_once_get_one_meeting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String day = "2026-06-1" + round + "T10:00";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (Group g : List.of(japon, maroc)) {
                    Callable<Boolean> book = () -> {
                        start.await();
                        try {
                            events.create(form(g, g.slug() + "-" + day.substring(0, 10), day, 60,
                                    EventFormat.IN_PERSON, s.kleber()), true, "prog");
                            return true;
                        } catch (DomainException refused) {
                            assertEquals("room_taken_meeting", refused.code());
                            return false;
                        }
                    };
                    results.add(pool.submit(book));
                }
                start.countDown();
                int booked = 0;
                for (Future<Boolean> r : results) {
                    booked += r.get() ? 1 : 0;
                }
                assertEquals(1, booked, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
