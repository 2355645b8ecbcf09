package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A price category as staff type it; the price in euros ("120" or "120,50"). */
@Serdeable
@Introspected
public record CategoryForm(@Nullable String code, @Nullable String labelFr, @Nullable String labelEn,
                           @Nullable PriceRule appliesTo, @Nullable String priceEuros, @Nullable Integer position) {
}
