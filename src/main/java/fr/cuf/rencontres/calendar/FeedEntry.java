package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Instant;

/**
 * One VEVENT: a session or an event as a calendar shows it. {@code allDay} entries (events over
 * several days) are written as dates with an exclusive end; the others as Paris times.
 * {@code lastModified} is the last change of every record the entry shows: it is DTSTAMP and LAST-MODIFIED.
 * {@code tentative}: a personal entry of a session the person waits for (waiting list).
 */
public record FeedEntry(String uid, int sequence, String summary, Instant startsAt, Instant endsAt, boolean allDay,
                        @Nullable String location, @Nullable String description, @Nullable URI url,
                        boolean cancelled, Instant created, Instant lastModified, boolean tentative) {

    public FeedEntry(String uid, int sequence, String summary, Instant startsAt, Instant endsAt, boolean allDay,
                     @Nullable String location, @Nullable String description, @Nullable URI url, boolean cancelled,
                     Instant created, Instant lastModified) {
        this(uid, sequence, summary, startsAt, endsAt, allDay, location, description, url, cancelled, created,
                lastModified, false);
    }

    /** The same entry for someone on the session's waiting list: STATUS:TENTATIVE in their agenda. */
    FeedEntry asTentative() {
        return new FeedEntry(uid, sequence, summary, startsAt, endsAt, allDay, location, description, url, cancelled,
                created, lastModified, !cancelled);
    }

    public FeedEntry {
        // every feed reads both (CREATED, DTSTAMP, LAST-MODIFIED, the ETag's Last-Modified): fail where it is built
        java.util.Objects.requireNonNull(created, "created");
        java.util.Objects.requireNonNull(lastModified, "lastModified");
    }
}
