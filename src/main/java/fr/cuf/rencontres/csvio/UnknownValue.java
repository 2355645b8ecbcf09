package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A value of a column the import does not know (« autorité locale étrangère » as an organisation type): the
 * column, the value as first spelled in the file, how many rows hold it, the known value staff chose for it
 * ({@code chosen}, from this preview or remembered) and a suggestion when none is chosen.
 */
@Serdeable
public record UnknownValue(String field, String column, String value, int rows, @Nullable String chosen,
                           @Nullable String suggestion) {
}
