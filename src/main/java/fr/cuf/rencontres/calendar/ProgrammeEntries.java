package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.EventSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The placed sessions of an event as entries. Sessions are those {@code ProgrammeService.of} shows (the published
 * version once versions exist), read with what a feed prints of them in one query ({@link ProgrammeFeedRepository}).
 */
@Singleton
class ProgrammeEntries {

    private final ProgrammeFeedRepository query;
    private final EventEntries events;
    private final FeedEntries entries;

    ProgrammeEntries(ProgrammeFeedRepository query, EventEntries events, FeedEntries entries) {
        this.query = query;
        this.events = events;
        this.entries = entries;
    }

    /** The event's sessions, or only {@code chosen} ones when given (a personal agenda). */
    List<FeedEntry> of(EventSummary summary, @Nullable Set<Long> chosen, Locale locale, boolean personal) {
        ProgrammeFeedRepository.Rows rows = query.of(summary.event().id());
        List<FeedSession> sessions = rows.sessions().stream()
                .filter(s -> chosen == null || chosen.contains(s.id()))
                .toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        Mark eventMark = rows.eventMark();
        boolean eventExpired = events.expired(summary.event(), eventMark);
        return sessions.stream()
                .map(s -> {
                    boolean expired = eventExpired || entries.expired(s.mark().cancelledAt() != null,
                            s.mark().cancelledAt(), s.updatedAt());
                    return expired ? null : entries.session(s, summary, eventMark, locale, personal);
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
