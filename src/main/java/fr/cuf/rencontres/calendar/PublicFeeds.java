package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventFilter;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The public feeds: an event's programme, a group's meetings, every public event. Each is rendered
 * once per change (see {@link FeedCache}); a request for an unchanged feed costs one aggregate query, or none within a second of the last one.
 */
@Singleton
public class PublicFeeds {

    private final EventCatalogue catalogue;
    private final GroupService groups;
    private final EventEntries eventEntries;
    private final ProgrammeEntries programmeEntries;
    private final CalendarRepository rows;
    private final FeedCache cache;
    private final Messages messages;
    private final ProgrammeFeedRepository programmeQuery;

    PublicFeeds(EventCatalogue catalogue, GroupService groups, EventEntries eventEntries,
                ProgrammeEntries programmeEntries, CalendarRepository rows, FeedCache cache, Messages messages,
                ProgrammeFeedRepository programmeQuery) {
        this.programmeQuery = programmeQuery;
        this.catalogue = catalogue;
        this.groups = groups;
        this.eventEntries = eventEntries;
        this.programmeEntries = programmeEntries;
        this.rows = rows;
        this.cache = cache;
        this.messages = messages;
    }

    /** The placed sessions of a public event, or the event itself when it has none. */
    public RenderedFeed programme(String slug, Locale language) {
        Locale locale = Languages.supported(language);
        return cache.get("programme/" + slug + "/" + locale, () -> rows.programmeFingerprint(slug), () -> {
            // the public rule is EventService.publicBySlug's: a draft is not found
            EventSummary summary = programmeQuery.summary(slug).filter(s -> s.event().status().isPublic())
                    .orElseThrow(() -> DomainException.notFound("event_not_found"));
            List<FeedEntry> entries = programmeEntries.of(summary, null, locale, false);
            if (entries.isEmpty()) {
                entries = eventEntries.of(List.of(summary), locale, false);
            }
            return IcsWriter.write(messages.get(locale, "calendar.name.programme", summary.event().title()), entries);
        });
    }

    /** Every public meeting of a group from a year back on. */
    public RenderedFeed group(String slug, Locale language) {
        Locale locale = Languages.supported(language);
        Instant from = eventEntries.windowStart();
        return cache.get("group/" + slug + "/" + locale, () -> rows.eventsFingerprint(from), () -> {
            Group group = groups.bySlug(slug);
            List<EventSummary> meetings = catalogue.ofGroup(group.id()).stream()
                    .filter(s -> s.event().endsAt().isAfter(from)).toList();
            return IcsWriter.write(messages.get(locale, "calendar.name.group", group.name()),
                    eventEntries.of(meetings, locale, false));
        });
    }

    /** Every public event of the association from a year back on, narrowed by pole and format. */
    public RenderedFeed all(@Nullable Pole pole, @Nullable EventFormat format, Locale language) {
        Locale locale = Languages.supported(language);
        Instant from = eventEntries.windowStart();
        return cache.get("all/" + pole + "/" + format + "/" + locale, () -> rows.eventsFingerprint(from), () -> {
            List<EventSummary> list = catalogue.endingAfter(from, new EventFilter(null, pole, format, null));
            String name = messages.get(locale, "calendar.name.all")
                    + (pole == null ? "" : " — " + messages.get(locale, "enum.Pole." + pole.name()))
                    + (format == null ? "" : " — " + messages.get(locale, "enum.EventFormat." + format.name()));
            return IcsWriter.write(name, eventEntries.of(list, locale, false));
        });
    }
}
