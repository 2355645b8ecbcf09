package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The billing details as staff type them before issuing: SIRET, Chorus Pro service code, purchase order. */
@Serdeable
public record BillingForm(@Nullable String siret, @Nullable String chorusServiceCode, @Nullable String purchaseOrder) {

    public static BillingForm of(@Nullable BillingDetails d) {
        return d == null ? new BillingForm(null, null, null)
                : new BillingForm(d.siret(), d.chorusServiceCode(), d.purchaseOrder());
    }
}
