package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Introspected;

/** An organisation with registrations of an event still to invoice. */
@Introspected
public record ToInvoice(Long organisationId, String name, long registrations, long totalCents) {
}
