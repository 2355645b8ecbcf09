package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;

/**
 * Where and when a meeting goes (Paris local times), and why. {@code confirmed}: staff saw the chair's
 * conflicts and keep the new slot anyway.
 */
public record MoveCommand(@Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt,
                          @Nullable EventFormat format, @Nullable Long roomId, @Nullable String reason,
                          boolean confirmed) {
}
