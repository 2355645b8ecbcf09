package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A file uploaded on the staff pages, between its preview and its commit; then the commit's report (JSON). */
@MappedEntity("csv_import")
public record ImportUpload(
        @Id String id,
        String kind,
        @Nullable String eventSlug,
        String fileName,
        byte[] content,
        String createdBy,
        Instant createdAt,
        @Nullable Instant committedAt,
        @Nullable byte[] report) {
}
