package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.support.Times;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Every demo file, in one transaction, through the same services staff use, so the data passes the same
 * validation: dates are placed relative to the clock's day ({@link DemoCalendar}), then the next edition gets a
 * few weeks of registrations and the previous one its attendance ({@link DemoHistory}).
 */
@Singleton
class DemoContent {

    private final Clock clock;
    private final DemoDirectory directory;
    private final DemoVenues venues;
    private final DemoEvents events;
    private final DemoStaff staff;
    private final DemoHistory history;

    DemoContent(Clock clock, DemoDirectory directory, DemoVenues venues, DemoEvents events, DemoStaff staff,
                DemoHistory history) {
        this.clock = clock;
        this.directory = directory;
        this.venues = venues;
        this.events = events;
        this.staff = staff;
        this.history = history;
    }

    /** Loads every demo file, all or nothing; returns the next edition. */
    @Transactional
    public Event load() {
        Instant now = clock.instant();
        DemoCalendar calendar = DemoCalendar.place(Times.paris(now).toLocalDate(), DemoDataLoader.datedEvents());
        // memberships follow the editions: a member of the files' 2026 edition is a member of the next one
        DemoDirectory.Ids ids = directory.load(calendar.move(calendar.nextEdition()).years(), now);
        DemoVenues.Places places = venues.load();
        Map<String, Event> eventsBySlug = events.load(calendar, places, ids, now);
        staff.load();
        Event next = eventsBySlug.get(calendar.nextEdition());
        history.load(next, eventsBySlug.get(calendar.previousEdition()));
        return next;
    }
}
