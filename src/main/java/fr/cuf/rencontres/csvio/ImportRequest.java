package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A file to import: its kind, its bytes as received, the staff's column choices and, for registrations, the event. */
public record ImportRequest(ImportKind kind, byte[] content, List<String> mapping, @Nullable String eventSlug) {

    public ImportRequest {
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
    }
}
