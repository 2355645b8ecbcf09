package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What calendars need of an event or session beyond its entity: its SEQUENCE and when it was cancelled. */
@Introspected
record Mark(Long id, int sequence, @Nullable Instant cancelledAt) {

    static final Mark NONE = new Mark(0L, 0, null);
}
