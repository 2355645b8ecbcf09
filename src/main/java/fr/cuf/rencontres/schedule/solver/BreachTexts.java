package fr.cuf.rencontres.schedule.solver;

import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.TimetableFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sentence of a conflict names (message {@code conflict.<code>} of the schedule bundle), from the
 * {@link Breach} of a match and the facts (people's names, opening hours, pause). One conflict per person or
 * piece of equipment a breach names, as staff act on each.
 */
final class BreachTexts {

    private BreachTexts() {
    }

    static List<Conflict> conflicts(Breach b, TimetableFacts facts) {
        Placement first = b.sessions().get(0);
        Placement second = b.sessions().size() > 1 ? b.sessions().get(1) : null;
        List<Conflict> out = new ArrayList<>();
        switch (b.code()) {
            case ROOM_DOUBLE_BOOKED -> out.add(conflict(b, first.getRoom().name(), first.getTitle(), second.getTitle()));
            case PERSON_OVERLAP -> b.details().forEach(person -> out.add(conflict(b,
                    facts.personName((Long) person), first.getTitle(), second.getTitle())));
            case PERSON_NO_PAUSE -> b.details().forEach(person -> out.add(conflict(b,
                    facts.personName((Long) person), first.getTitle(), second.getTitle(), facts.pause().toMinutes())));
            case OVER_CAPACITY -> out.add(conflict(b, first.getTitle(), first.getAudience(), first.getRoom().name(),
                    first.getRoom().capacity()));
            case MISSING_EQUIPMENT -> b.details().forEach(equipment -> out.add(conflict(b, first.getTitle(),
                    first.getRoom().name(), equipment)));
            case OUTSIDE_VENUE_HOURS -> out.add(conflict(b, first.getTitle(), facts.opening(), facts.closing()));
            case ROOM_UNAVAILABLE -> out.add(conflict(b, first.getTitle(), first.getRoom().name()));
            case PERSON_UNAVAILABLE, PERSON_IN_MEETING -> b.details().forEach(person -> out.add(conflict(b,
                    facts.personName((Long) person), first.getTitle())));
            case SERIES_OUT_OF_ORDER -> out.add(conflict(b, first.getSeries(), first.getTitle(), second.getTitle()));
            case OUTSIDE_EVENT_DATES, BRIEFING_OUTSIDE_BLOCKS, PLENARY_OUTSIDE_SLOTS -> out.add(conflict(b,
                    first.getTitle()));
            case SAME_POLE_PARALLEL, BESIDE_PLENARY, OUTSIDE_PLENARY_FRAME -> out.add(conflict(b, first.getTitle(),
                    second.getTitle()));
        }
        return out;
    }

    private static Conflict conflict(Breach b, Object... args) {
        return new Conflict(b.code(), b.sessionIds(), List.of(args));
    }
}
