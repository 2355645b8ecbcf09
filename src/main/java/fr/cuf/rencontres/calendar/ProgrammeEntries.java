package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.schedule.ProgrammeDay;
import fr.cuf.rencontres.schedule.ProgrammeService;
import fr.cuf.rencontres.schedule.SessionView;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The placed sessions of an event as entries. Sessions are read through {@link ProgrammeService}, so the
 * feed shows whatever the programme pages show (the published version once versions exist).
 */
@Singleton
class ProgrammeEntries {

    private final ProgrammeService programmes;
    private final CalendarRows rows;
    private final VenueRepository venues;
    private final EventEntries events;
    private final FeedEntries entries;

    ProgrammeEntries(ProgrammeService programmes, CalendarRows rows, VenueRepository venues, EventEntries events,
                     FeedEntries entries) {
        this.programmes = programmes;
        this.rows = rows;
        this.venues = venues;
        this.events = events;
        this.entries = entries;
    }

    /** The event's sessions, or only {@code chosen} ones when given (a personal agenda). */
    List<FeedEntry> of(EventSummary summary, @Nullable Set<Long> chosen, Locale locale, boolean personal) {
        List<SessionView> sessions = programmes.of(summary.event().id()).days().stream()
                .map(ProgrammeDay::sessions).flatMap(List::stream)
                .filter(v -> chosen == null || chosen.contains(v.session().id()))
                .toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        Mark eventMark = events.marks(List.of(summary.event().id())).getOrDefault(summary.event().id(), Mark.NONE);
        Map<Long, Mark> marks = rows.sessionMarks(sessions.stream().map(v -> v.session().id()).toList()).stream()
                .collect(Collectors.toMap(Mark::id, Function.identity()));
        Map<Long, Venue> roomVenues = roomVenues(sessions, summary.venue());
        boolean eventExpired = events.expired(summary.event(), eventMark);
        return sessions.stream()
                .filter(v -> v.session().isScheduled())
                .map(v -> {
                    Mark mark = marks.getOrDefault(v.session().id(), Mark.NONE);
                    boolean expired = eventExpired || entries.expired(mark.cancelledAt() != null, mark.cancelledAt(),
                            v.session().updatedAt());
                    return expired ? null : entries.session(v, summary, eventMark, mark,
                            v.room() == null ? null : roomVenues.get(v.room().venueId()), locale, personal);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private Map<Long, Venue> roomVenues(List<SessionView> sessions, @Nullable Venue eventVenue) {
        Map<Long, Venue> byId = new HashMap<>();
        if (eventVenue != null) {
            byId.put(eventVenue.id(), eventVenue);
        }
        sessions.stream().filter(v -> v.room() != null).map(v -> v.room().venueId()).distinct()
                .filter(id -> !byId.containsKey(id))
                .forEach(id -> venues.findById(id).ifPresent(v -> byId.put(id, v)));
        return byId;
    }
}
