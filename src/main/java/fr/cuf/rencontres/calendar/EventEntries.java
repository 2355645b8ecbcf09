package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Events as entries (one each), with their SEQUENCE and their group's chair; expired cancellations dropped. */
@Singleton
class EventEntries {

    private final CalendarRepository rows;
    private final PersonRepository persons;
    private final FeedEntries entries;
    private final CalendarSettings settings;
    private final Clock clock;

    EventEntries(CalendarRepository rows, PersonRepository persons, FeedEntries entries, CalendarSettings settings,
                 Clock clock) {
        this.rows = rows;
        this.persons = persons;
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
    }

    /** The oldest end an entry of a list feed may have: a year back by default. */
    Instant windowStart() {
        return clock.instant().minus(settings.getPast());
    }

    List<FeedEntry> of(List<EventSummary> summaries, Locale locale, boolean personal) {
        if (summaries.isEmpty()) {
            return List.of();
        }
        Map<Long, Mark> marks = marks(summaries.stream().map(s -> s.event().id()).toList());
        List<Long> chairIds = summaries.stream().filter(s -> s.group() != null)
                .map(s -> s.group().chairPersonId()).filter(Objects::nonNull).distinct().toList();
        Map<Long, Person> chairs = chairIds.isEmpty() ? Map.of() : persons.findByIdIn(chairIds).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        return summaries.stream()
                .filter(s -> s.event().status().isPublic())
                .filter(s -> !expired(s.event(), marks.getOrDefault(s.event().id(), Mark.NONE)))
                .map(s -> entries.event(s, marks.getOrDefault(s.event().id(), Mark.NONE),
                        s.group() == null || s.group().chairPersonId() == null ? null
                                : chairs.get(s.group().chairPersonId()), locale, personal))
                .toList();
    }

    Map<Long, Mark> marks(List<Long> eventIds) {
        return rows.eventMarks(eventIds).stream().collect(Collectors.toMap(Mark::id, Function.identity()));
    }

    boolean expired(Event e, Mark mark) {
        return entries.expired(e.status() == EventStatus.CANCELLED, mark.cancelledAt(), e.updatedAt());
    }
}
