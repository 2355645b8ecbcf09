package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A placed session as a feed shows it, read in one query by {@link ProgrammeFeedRepository}: the published version's
 * fields (or the live ones when the event was never published), the live SEQUENCE and cancellation
 * ({@code mark}), its room, the room's venue and its chair as they are now.
 */
record FeedSession(long id, String title, Instant startsAt, Instant endsAt, boolean membersOnly, Instant createdAt,
                   Instant updatedAt, Mark mark, @Nullable Room room, @Nullable Venue roomVenue,
                   @Nullable Person chair) {
}
