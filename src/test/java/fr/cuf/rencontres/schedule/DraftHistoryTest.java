package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class DraftHistoryTest {

    @Inject DataSource dataSource;
    @Inject ScheduleFixtures fixtures;
    @Inject SessionEditor editor;
    @Inject DraftHistory history;
    @Inject ProgrammePublisher publisher;
    @Inject SessionRepository sessions;

    ScheduleFixtures.Small s;
    Session chine;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        s = fixtures.small();
        chine = fixtures.session(s, "Point Chine", "2026-07-08T11:00", 90, s.kleber(), s.benoit());
    }

    @Test
    void undo_puts_the_last_moved_session_back_where_it_was_then_the_one_before() {
        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(9, 0),
                60, s.iena().id()), "prog");
        editor.unschedule(s.event().id(), chine.id(), "prog");
        assertEquals("Point Chine", history.undoable(s.event().id()).orElseThrow());

        history.undoLast(s.event().id(), "prog");
        Session back = sessions.findById(chine.id()).orElseThrow();
        assertEquals(s.iena().id(), back.roomId(), "back on the grid where the unscheduling found it");
        assertEquals(60, back.minutes());

        history.undoLast(s.event().id(), "prog");
        Session first = sessions.findById(chine.id()).orElseThrow();
        assertEquals(chine.startsAt(), first.startsAt());
        assertEquals(s.kleber().id(), first.roomId());
        assertTrue(history.undoable(s.event().id()).isEmpty(), "the fixture's own placement is not the grid's to undo");
        assertEquals("nothing_to_undo", assertThrows(DomainException.class,
                () -> history.undoLast(s.event().id(), "prog")).problems().get(0).code());
    }

    @Test
    void revert_puts_the_draft_back_as_published_and_takes_sessions_added_since_off_the_grid() {
        publisher.publish(s.event(), "prog");
        editor.place(s.event().id(), chine.id(), new PlaceCommand(LocalDate.parse("2026-07-09"), LocalTime.of(9, 0),
                90, s.iena().id()), "prog");
        Session added = fixtures.session(s, "Point Japon", "2026-07-09T14:00", 90, s.monge(), null);
        editor.cancel(s.event().id(), chine.id(), "empêché", "prog");

        assertEquals(2, history.revertToPublished(s.event().id(), "prog"));
        Session back = sessions.findById(chine.id()).orElseThrow();
        assertEquals(chine.startsAt(), back.startsAt());
        assertEquals(s.kleber().id(), back.roomId());
        assertEquals(SessionStatus.ACTIVE, back.status());
        assertNull(sessions.findById(added.id()).orElseThrow().startsAt());
        assertTrue(publisher.preview(s.event()).unchanged(), "the draft is the published version again");
    }
}
