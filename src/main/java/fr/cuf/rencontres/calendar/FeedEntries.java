package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns events and sessions into calendar entries. Public entries never carry the online link
 * (members-only ones included: they show what the public page shows); personal entries do.
 */
@Singleton
class FeedEntries {

    private final FeedLinks links;
    private final Messages messages;
    private final CalendarSettings settings;
    private final Clock clock;

    FeedEntries(FeedLinks links, Messages messages, CalendarSettings settings, Clock clock) {
        this.links = links;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The event itself: all-day when it spans several Paris days, timed otherwise. */
    FeedEntry event(EventSummary summary, Mark mark, @Nullable Person chair, Locale locale, boolean personal) {
        Event e = summary.event();
        boolean cancelled = e.status() == EventStatus.CANCELLED;
        List<String> lines = new ArrayList<>();
        if (e.summary() != null) {
            lines.add(e.summary());
        }
        if (summary.group() != null) {
            lines.add(messages.get(locale, "calendar.group", summary.group().name()));
        }
        if (cancelled && e.cancellationReason() != null) {
            lines.add(messages.get(locale, "calendar.cancellationReason", e.cancellationReason()));
        }
        describe(lines, chair, e, e.membersOnly(), locale, personal);
        return new FeedEntry(links.uid("event", e.id()), mark.sequence(), title(e.title(), cancelled, locale),
                e.startsAt(), e.endsAt(), spansDays(e.startsAt(), e.endsAt()), eventPlace(summary, locale, personal),
                String.join("\n", lines), URI.create(links.eventPage(e.slug())), cancelled, e.createdAt(),
                latest(e.updatedAt(), summary.venue() == null ? null : summary.venue().updatedAt(),
                        summary.group() == null ? null : summary.group().updatedAt(),
                        summary.room() == null ? null : summary.room().updatedAt(),
                        chair == null ? null : chair.updatedAt()));
    }

    /** A session of an event; it reads as cancelled when it or its whole event is. */
    FeedEntry session(FeedSession s, EventSummary summary, Mark eventMark, Locale locale, boolean personal) {
        Event e = summary.event();
        Mark sessionMark = s.mark();
        boolean cancelled = e.status() == EventStatus.CANCELLED || sessionMark.cancelledAt() != null;
        List<String> lines = new ArrayList<>();
        describe(lines, s.chair(), e, s.membersOnly() || e.membersOnly(), locale, personal);
        Venue venue = s.roomVenue() != null ? s.roomVenue() : summary.venue();
        String place = Stream.of(s.room() == null ? null : s.room().name(),
                        venue == null ? null : venue.fullAddress()).filter(Objects::nonNull)
                .reduce((a, b) -> a + ", " + b).orElseGet(() -> eventPlace(summary, locale, personal));
        // the event's SEQUENCE is added so that cancelling or moving the whole event also raises its sessions'
        return new FeedEntry(links.uid("session", s.id()), sessionMark.sequence() + eventMark.sequence(),
                title(s.title(), cancelled, locale), s.startsAt(), s.endsAt(), false, place,
                String.join("\n", lines), URI.create(links.eventPage(e.slug())), cancelled, s.createdAt(),
                latest(s.updatedAt(), e.updatedAt(), s.room() == null ? null : s.room().updatedAt(),
                        venue == null ? null : venue.updatedAt(), s.chair() == null ? null : s.chair().updatedAt()));
    }

    /** Cancelled entries stay marked for {@code keep-cancelled}, counted from the cancellation, then go. */
    boolean expired(boolean cancelled, @Nullable Instant cancelledAt, Instant lastChange) {
        Instant since = cancelledAt != null ? cancelledAt : lastChange;
        return cancelled && since.plus(settings.getKeepCancelled()).isBefore(clock.instant());
    }

    private void describe(List<String> lines, @Nullable Person chair, Event e, boolean membersOnly, Locale locale,
                          boolean personal) {
        if (chair != null) {
            lines.add(messages.get(locale, "calendar.chair", chair.fullName()));
        }
        if (membersOnly) {
            lines.add(messages.get(locale, "calendar.membersOnly"));
        }
        if (personal && e.format().needsLink() && e.onlineLink() != null) {
            lines.add(messages.get(locale, "calendar.onlineLink", e.onlineLink()));
        }
        lines.add(messages.get(locale, "calendar.programme", links.eventPage(e.slug())));
    }

    private String eventPlace(EventSummary summary, Locale locale, boolean personal) {
        Event e = summary.event();
        List<String> parts = new ArrayList<>();
        if (e.format().needsPlace()) {
            if (summary.room() != null) {
                parts.add(summary.room().name());
            }
            if (e.locationNote() != null) {
                parts.add(e.locationNote());
            }
            if (summary.venue() != null) {
                parts.add(summary.venue().fullAddress());
            }
        }
        if (e.format().needsLink()) {
            parts.add(personal && e.onlineLink() != null ? e.onlineLink() : messages.get(locale, "calendar.online"));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private String title(String title, boolean cancelled, Locale locale) {
        return cancelled ? messages.get(locale, "calendar.cancelledTitle", title) : title;
    }

    static boolean spansDays(Instant start, Instant end) {
        return !Times.paris(start).toLocalDate().equals(Times.paris(end.minusNanos(1)).toLocalDate());
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant max = first;
        for (Instant other : others) {
            if (other != null && other.isAfter(max)) {
                max = other;
            }
        }
        return max;
    }
}
