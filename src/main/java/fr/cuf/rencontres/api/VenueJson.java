package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Venue;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Where an in-person event happens. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VenueJson(String name, @Nullable String address, @Nullable String postalCode, String city,
                        String country) {

    static @Nullable VenueJson of(@Nullable Venue v) {
        return v == null ? null : new VenueJson(v.name(), v.addressLine(), v.postalCode(), v.city(), v.country());
    }
}
