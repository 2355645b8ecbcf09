package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The bytes of a feed with what HTTP caching needs: a strong ETag (a hash of the bytes, so an
 * unchanged feed keeps its tag on every instance) and the last change of what it shows.
 */
public record RenderedFeed(byte[] body, String etag, @Nullable Instant lastModified) {
}
