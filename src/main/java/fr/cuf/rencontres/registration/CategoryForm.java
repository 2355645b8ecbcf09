package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A price category as staff type it; the price in euros ("120" or "120,50"). */
@Serdeable
@Introspected
public record CategoryForm(@Nullable String code, @Nullable String labelFr, @Nullable String labelEn,
                           @Nullable PriceRule appliesTo, @Nullable String priceEuros, @Nullable Integer position,
                           @Nullable Integer dayPass) {

    /** {@code dayPass}: empty or 0 for the whole event, N for a pass of the N-th day only. */
    @io.micronaut.core.annotation.Creator
    public CategoryForm {
    }

    public CategoryForm(String code, String labelFr, String labelEn, PriceRule appliesTo, String priceEuros,
                        Integer position) {
        this(code, labelFr, labelEn, appliesTo, priceEuros, position, null);
    }
}
