package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The price a registrant pays, as decided by the rules; no category means the event is free. */
@Serdeable
public record Quote(@Nullable String categoryCode, @Nullable String labelFr, @Nullable String labelEn,
                    int priceCents) {

    static final Quote FREE = new Quote(null, null, null, 0);

    static Quote of(PriceCategory c) {
        return new Quote(c.code(), c.labelFr(), c.labelEn(), c.priceCents());
    }

    public boolean free() {
        return priceCents == 0;
    }

    /** "120,00 €" style, whatever the locale: CUF prices are in euros. */
    public String priceText() {
        return euros(priceCents);
    }

    public static String euros(int cents) {
        // concatenation, not String.format: this runs on every registration answer and a Formatter costs more
        int rest = cents % 100;
        return (cents / 100) + (rest < 10 ? ",0" : ",") + rest + " €";
    }
}
