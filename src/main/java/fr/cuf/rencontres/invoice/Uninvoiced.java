package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A registration waiting for payment and on no invoice yet. */
@Introspected
public record Uninvoiced(Long id, @Nullable String priceCategory, int priceCents, String firstName, String lastName) {
}
