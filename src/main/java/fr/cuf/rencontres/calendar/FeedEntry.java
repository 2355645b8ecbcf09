package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Instant;

/**
 * One VEVENT: a session or an event as a calendar shows it. {@code allDay} entries (events over
 * several days) are written as dates with an exclusive end; the others as Paris times.
 * {@code lastModified} is the last change of every record the entry shows: it is DTSTAMP and LAST-MODIFIED.
 */
public record FeedEntry(String uid, int sequence, String summary, Instant startsAt, Instant endsAt, boolean allDay,
                        @Nullable String location, @Nullable String description, @Nullable URI url,
                        boolean cancelled, Instant created, Instant lastModified) {
}
