package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** Money received for an invoice. */
@MappedEntity("invoice_payment")
public record Payment(
        @Id @GeneratedValue @Nullable Long id,
        Long invoiceId,
        LocalDate paidOn,
        int amountCents,
        PaymentMethod method,
        @Nullable String reference,
        String recordedBy,
        Instant createdAt) {
}
