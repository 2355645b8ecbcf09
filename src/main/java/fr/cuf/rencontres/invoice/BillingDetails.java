package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * How an organisation is invoiced: the SIRET of the establishment that pays, its Chorus Pro service code and the
 * purchase-order / engagement number to quote. Staff edit it until an invoice is issued; the invoice keeps a copy.
 */
@MappedEntity("organisation_billing")
public record BillingDetails(
        @Id Long organisationId,
        @Nullable String siret,
        @Nullable String chorusServiceCode,
        @Nullable String purchaseOrder,
        String updatedBy,
        Instant updatedAt) {
}
