package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalTime;

/** A place where in-person events happen, with the hours it is open to us. */
@MappedEntity("venue")
public record Venue(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @Nullable String addressLine,
        @Nullable String postalCode,
        String city,
        String country,
        @Nullable LocalTime openingTime,
        @Nullable LocalTime closingTime,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    /** One line for a page, a badge or a calendar LOCATION. */
    public String fullAddress() {
        StringBuilder s = new StringBuilder(name);
        if (addressLine != null) {
            s.append(", ").append(addressLine);
        }
        s.append(", ");
        if (postalCode != null) {
            s.append(postalCode).append(' ');
        }
        return s.append(city).toString();
    }
}
