package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.LocalTime;

/** Place (or move, or resize) a session: a day, a start time (Paris), a length and a room. */
@Serdeable
@Introspected
public record PlaceCommand(@Nullable LocalDate date, @Nullable LocalTime start, @Nullable Integer minutes,
                           @Nullable Long roomId) {
}
