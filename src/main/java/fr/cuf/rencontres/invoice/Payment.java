package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** Money received for an invoice. A wrong one is cancelled (who, when, why), never deleted. */
@MappedEntity("invoice_payment")
public record Payment(
        @Id @GeneratedValue @Nullable Long id,
        Long invoiceId,
        LocalDate paidOn,
        int amountCents,
        PaymentMethod method,
        @Nullable String reference,
        String recordedBy,
        Instant createdAt,
        @Nullable Instant cancelledAt,
        @Nullable String cancelledBy,
        @Nullable String cancelReason) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    Payment cancel(String actor, String reason, Instant now) {
        return new Payment(id, invoiceId, paidOn, amountCents, method, reference, recordedBy, createdAt, now, actor, reason);
    }
}
