package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.VenueForm;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
record VenueInput(@Nullable String name, @Nullable String addressLine, @Nullable String postalCode,
                  @Nullable String city, @Nullable String country, @Nullable String openingTime,
                  @Nullable String closingTime) {

    static VenueInput blank() {
        return new VenueInput(null, null, null, null, "FR", null, null);
    }

    static VenueInput of(VenueForm f) {
        return new VenueInput(f.name(), f.addressLine(), f.postalCode(), f.city(), f.country(),
                Parse.text(f.openingTime()), Parse.text(f.closingTime()));
    }

    VenueForm toForm() {
        Parse p = new Parse();
        VenueForm form = new VenueForm(name, addressLine, postalCode, city, country,
                p.time("openingTime", openingTime), p.time("closingTime", closingTime));
        p.throwIfInvalid();
        return form;
    }
}
