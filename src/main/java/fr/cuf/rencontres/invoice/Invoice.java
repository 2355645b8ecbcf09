package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice to one organisation for its registrations to one event; its number is gap-free per year. */
@MappedEntity("invoice")
public record Invoice(
        @Id @GeneratedValue @Nullable Long id,
        String invoiceNumber,
        Long eventId,
        Long organisationId,
        LocalDate issuedOn,
        int totalCents,
        int paidCents,
        InvoiceStatus status,
        String issuedBy,
        Instant createdAt,
        Instant updatedAt) {

    public int dueCents() {
        return Math.max(0, totalCents - paidCents);
    }

    Invoice paid(int amountCents, Instant now) {
        int paid = paidCents + amountCents;
        return new Invoice(id, invoiceNumber, eventId, organisationId, issuedOn, totalCents, paid,
                paid >= totalCents ? InvoiceStatus.PAID : InvoiceStatus.ISSUED, issuedBy, createdAt, now);
    }
}
