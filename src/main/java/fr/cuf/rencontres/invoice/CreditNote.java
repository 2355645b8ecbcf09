package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A credit note ("avoir"): cancels lines of an issued invoice, with its own gap-free number per year. */
@MappedEntity("credit_note")
public record CreditNote(
        @Id @GeneratedValue @Nullable Long id,
        String creditNoteNumber,
        Long invoiceId,
        LocalDate issuedOn,
        int netCents,
        int vatCents,
        int totalCents,
        String reason,
        String issuedBy,
        Instant createdAt) {
}
