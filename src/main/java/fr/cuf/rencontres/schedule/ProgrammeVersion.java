package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A published version of an event's programme: number 1, 2, … */
@MappedEntity("programme_version")
public record ProgrammeVersion(@Id @GeneratedValue @Nullable Long id, Long eventId, int number, Instant publishedAt,
                               String publishedBy) {
}
