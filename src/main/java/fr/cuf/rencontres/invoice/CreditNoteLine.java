package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An invoice line cancelled by a credit note, at its invoiced (net) amount. */
@MappedEntity("credit_note_line")
public record CreditNoteLine(
        @Id @GeneratedValue @Nullable Long id,
        Long creditNoteId,
        Long invoiceLineId,
        String description,
        int amountCents) {
}
