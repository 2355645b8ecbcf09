package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A session as registration sees it: its capacity (its own, else its room's) and the seats taken. */
@Introspected
public record SessionSeats(Long id, Long eventId, String title, @Nullable Instant startsAt, @Nullable Instant endsAt,
                           boolean membersOnly, @Nullable Integer capacity, long taken, long waiting) {

    public boolean full() {
        return capacity != null && taken >= capacity;
    }

    public Long remaining() {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    public boolean overlaps(SessionSeats other) {
        return startsAt != null && endsAt != null && other.startsAt != null && other.endsAt != null
                && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
