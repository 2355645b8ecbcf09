package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A fixed window of an event: country briefings happen in BRIEFING blocks, plenaries in PLENARY slots. */
@MappedEntity("schedule_block")
public record ScheduleBlock(@Id @GeneratedValue @Nullable Long id, Long eventId, Kind kind, Instant startsAt,
                            Instant endsAt, Instant createdAt) {

    public enum Kind { BRIEFING, PLENARY }

    public Window window() {
        return new Window(startsAt, endsAt);
    }
}
