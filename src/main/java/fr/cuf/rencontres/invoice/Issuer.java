package fr.cuf.rencontres.invoice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * Who issues an invoice and the legal mentions it carries, as the settings said on the day it was issued:
 * stored with the invoice (JSON), so the invoice prints the same for ever.
 */
@Serdeable
public record Issuer(
        String name,
        String addressLine,
        String postalCode,
        String city,
        String country,
        @Nullable String siret,
        @Nullable String rna,
        @Nullable String vatNumber,
        @Nullable String email,
        /* VAT rate in hundredths of a percent (2000 = 20 %); null: not subject to VAT */
        @Nullable Integer vatRateBasisPoints,
        String vatExemptionMention,
        int paymentDays,
        String paymentTerms,
        String latePaymentMention,
        @Nullable String iban,
        @Nullable String bic) {

    public boolean subjectToVat() {
        return vatRateBasisPoints != null;
    }

    /** VAT on a net amount, rounded half up to the cent. */
    public int vatOn(int netCents) {
        if (vatRateBasisPoints == null) {
            return 0;
        }
        return (int) Math.round(netCents * (double) vatRateBasisPoints / 10_000d);
    }

    /** The settings an invoice cannot be issued without: the legal identity and how to pay. */
    List<String> missingForIssue() {
        List<String> missing = new ArrayList<>();
        if (siret == null) {
            missing.add("rencontres.invoice.issuer-siret");
        }
        if (iban == null) {
            missing.add("rencontres.invoice.iban");
        }
        if (bic == null) {
            missing.add("rencontres.invoice.bic");
        }
        return missing;
    }

    /** "FR76 3000 …": the IBAN in groups of four, as printed. */
    public String ibanPrinted() {
        return iban == null ? "" : iban.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
