package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One registration on an invoice, at the price stored with the registration. */
@MappedEntity("invoice_line")
public record InvoiceLine(
        @Id @GeneratedValue @Nullable Long id,
        Long invoiceId,
        Long registrationId,
        String description,
        @Nullable String priceCategory,
        int amountCents) {
}
