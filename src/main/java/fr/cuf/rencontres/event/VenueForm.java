package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalTime;

@Serdeable
@Introspected
public record VenueForm(
        @Nullable String name,
        @Nullable String addressLine,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country,
        @Nullable LocalTime openingTime,
        @Nullable LocalTime closingTime) {

    public static VenueForm of(Venue v) {
        return new VenueForm(v.name(), v.addressLine(), v.postalCode(), v.city(), v.country(),
                v.openingTime(), v.closingTime());
    }
}
