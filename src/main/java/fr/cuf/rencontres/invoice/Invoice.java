package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice to one organisation for its registrations to one event; its number is gap-free per year.
 * Everything it prints is frozen at issue: the customer block (name, address, SIREN, SIRET, Chorus Pro service
 * code, purchase order), the event's title, the due date, the issuer ({@code issuerJson}) and the VAT split.
 * Only the money that follows it moves: credited (credit notes) and paid (payments).
 */
@MappedEntity("invoice")
public record Invoice(
        @Id @GeneratedValue @Nullable Long id,
        String invoiceNumber,
        Long eventId,
        Long organisationId,
        LocalDate issuedOn,
        LocalDate dueOn,
        int netCents,
        int vatCents,
        @Nullable Integer vatRateBasisPoints,
        int totalCents,
        int creditedCents,
        int paidCents,
        InvoiceStatus status,
        String customerName,
        @Nullable String customerAddressLine,
        @Nullable String customerPostalCode,
        @Nullable String customerCity,
        @Nullable String customerCountry,
        @Nullable String customerSiren,
        @Nullable String customerSiret,
        @Nullable String chorusServiceCode,
        @Nullable String purchaseOrder,
        String eventTitle,
        @Nullable String issuerJson,
        String issuedBy,
        Instant createdAt,
        Instant updatedAt) {

    /** What the organisation still owes: the total, less credit notes and payments (never below zero). */
    public int dueCents() {
        return Math.max(0, totalCents - creditedCents - paidCents);
    }

    /** Paid beyond what is owed after credit notes: to refund. */
    public int overpaidCents() {
        return Math.max(0, paidCents - (totalCents - creditedCents));
    }

    Invoice withMoney(int credited, int paid, Instant now) {
        InvoiceStatus next = credited >= totalCents ? InvoiceStatus.CANCELLED
                : paid >= totalCents - credited ? InvoiceStatus.PAID : InvoiceStatus.ISSUED;
        return new Invoice(id, invoiceNumber, eventId, organisationId, issuedOn, dueOn, netCents, vatCents,
                vatRateBasisPoints, totalCents, credited, paid, next, customerName, customerAddressLine, customerPostalCode,
                customerCity, customerCountry,
                customerSiren, customerSiret, chorusServiceCode, purchaseOrder, eventTitle, issuerJson, issuedBy,
                createdAt, now);
    }
}
