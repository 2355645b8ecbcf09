package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cells a session may take settle the rules about one session alone, and relax when nothing fits. */
class CandidatesTest {

    static final long NINE = 29_700_000L;
    static final PlanRoom BIG = new PlanRoom(1L, "Grand Salon Iéna", 450, true, true, List.of());
    static final PlanRoom SMALL = new PlanRoom(2L, "Salon Monge", 30, false, false, List.of());
    static final PlanRoom CLOSED = new PlanRoom(3L, "Salon Kléber", 80, false, true, List.of(new Span(NINE, NINE + 120)));
    static final List<PlanRoom> ROOMS = List.of(BIG, SMALL, CLOSED);
    static final List<Start> STARTS = List.of(new Start(NINE), new Start(NINE + 30), new Start(NINE + 60),
            new Start(NINE + 90), new Start(NINE + 120), new Start(NINE + 150));
    static final List<Span> DAY = List.of(new Span(NINE, NINE + 240));

    static Placement session(int audience, boolean interpretation, List<Span> fixed, List<Span> off) {
        return new Placement(new Placement.About(1L, "S", SessionKind.COUNTRY_BRIEFING, 90, Set.of(7L), Set.of()),
                new Placement.Needs(audience, audience, interpretation, false, Map.of(), SessionShape.NONE),
                new Placement.Bounds(fixed, DAY, new Span(NINE - 540, NINE + 900), off.isEmpty() ? Map.of() : Map.of(7L, off),
                        Map.of(), 15), null, false, null);
    }

    @Test
    void a_briefing_may_only_start_where_it_fits_inside_a_briefing_block() {
        List<Cell> cells = Candidates.of(session(20, false, List.of(new Span(NINE + 30, NINE + 150)), List.of()),
                STARTS, ROOMS);
        assertTrue(cells.stream().allMatch(c -> c.start().minute() >= NINE + 30 && c.start().minute() <= NINE + 60));
    }

    @Test
    void only_rooms_big_enough_and_equipped_and_open_are_candidates() {
        List<Cell> cells = Candidates.of(session(60, false, List.of(), List.of()), STARTS, ROOMS);
        assertTrue(cells.stream().noneMatch(c -> c.room() == SMALL));
        assertTrue(cells.stream().noneMatch(c -> c.room() == CLOSED && c.start().minute() < NINE + 120));
        assertTrue(cells.stream().anyMatch(c -> c.room() == CLOSED && c.start().minute() == NINE + 120));
        List<Cell> interpreted = Candidates.of(session(20, true, List.of(), List.of()), STARTS, ROOMS);
        assertTrue(interpreted.stream().allMatch(c -> c.room() == BIG));
    }

    @Test
    void times_when_a_person_is_unavailable_are_left_out() {
        List<Cell> cells = Candidates.of(session(20, false, List.of(), List.of(new Span(NINE, NINE + 100))), STARTS, ROOMS);
        assertTrue(cells.stream().allMatch(c -> c.start().minute() >= NINE + 100));
    }

    @Test
    void when_no_room_is_big_enough_the_session_still_gets_cells_so_the_score_can_report_it() {
        List<Cell> cells = Candidates.of(session(900, false, List.of(), List.of()), STARTS, ROOMS);
        assertEquals(Set.of(BIG, SMALL, CLOSED), Set.copyOf(cells.stream().map(Cell::room).toList()));
    }

    @Test
    void when_no_time_fits_the_session_still_gets_the_opening_hours() {
        List<Cell> cells = Candidates.of(session(20, false, List.of(new Span(NINE + 600, NINE + 660)), List.of()),
                STARTS, ROOMS);
        assertTrue(cells.stream().anyMatch(c -> c.start().minute() == NINE));
    }
}
