package fr.cuf.rencontres.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The JSON body of every refusal: the first problem's code, message and field, then all of them. */
@Serdeable
public record ApiError(String code, String message, @Nullable String field, List<Item> errors) {

    @Serdeable
    public record Item(String code, String message, @Nullable String field) {
    }
}
