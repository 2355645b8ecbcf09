package fr.cuf.rencontres.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The JSON body of every refusal: the first problem's code, message and field, then all of them.
 * Every key is always present ({@code "field": null} when no field is concerned).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String code, String message, @Nullable String field, List<Item> errors) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String code, String message, @Nullable String field) {
    }
}
