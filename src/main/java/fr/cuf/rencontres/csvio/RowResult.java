package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a registration import does (or would do, in a preview) with one row: its outcome, the registration's
 * status, price category and price as the registration rules decided them, or the code that refused or
 * skipped it ({@code event_full}, {@code session_full}, {@code members_only}, {@code already_registered}…).
 */
@Serdeable
public record RowResult(int line, String outcome, @Nullable String status, @Nullable String category,
                        @Nullable Integer priceCents, @Nullable String code) {
}
