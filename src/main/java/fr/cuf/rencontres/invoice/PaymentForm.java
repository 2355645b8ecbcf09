package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A payment as staff type it: the date (yyyy-mm-dd), the amount in euros ("120" or "120,50"), the method. */
@Serdeable
@Introspected
public record PaymentForm(@Nullable String paidOn, @Nullable String amountEuros, @Nullable String method,
                          @Nullable String reference) {
}
