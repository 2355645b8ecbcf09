package fr.cuf.rencontres.invoice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;

/**
 * Settings under {@code rencontres.invoice.*}: who issues the invoices and the legal mentions they carry
 * (French rules for an association, with or without VAT). Checked at start by {@link Issuers}; copied into each
 * invoice when it is issued, so a later change of settings changes no issued invoice.
 * See config/application-example.yml.
 */
@ConfigurationProperties("rencontres.invoice")
public interface InvoiceSettings {

    @Bindable(defaultValue = "Cités Unies France")
    String getIssuerName();

    @Bindable(defaultValue = "9 rue Christiani")
    String getIssuerAddressLine();

    @Bindable(defaultValue = "75018")
    String getIssuerPostalCode();

    @Bindable(defaultValue = "Paris")
    String getIssuerCity();

    /** ISO 3166 alpha-2. */
    @Bindable(defaultValue = "FR")
    String getIssuerCountry();

    /** 14 digits; required to issue an invoice (no default: it is the association's own). */
    @Nullable
    String getIssuerSiret();

    /** Répertoire national des associations: W followed by 9 digits; printed when set. */
    @Nullable
    String getIssuerRna();

    /** Intra-community VAT number (FR + 11 characters), required when {@link #getVatRate()} is set. */
    @Nullable
    String getIssuerVatNumber();

    @Nullable
    String getIssuerEmail();

    /**
     * VAT rate in percent (e.g. 20). Unset (default): the association is not subject to VAT and every invoice
     * says so with {@link #getVatExemptionMention()}. Set: the prices of the categories are net of VAT and
     * VAT is added on the invoice.
     */
    @Nullable
    BigDecimal getVatRate();

    @Bindable(defaultValue = "TVA non applicable, art. 293 B du CGI")
    String getVatExemptionMention();

    /** Days between the invoice date and its due date. */
    @Bindable(defaultValue = "30")
    int getPaymentDays();

    @Bindable(defaultValue = "Paiement par virement ou mandat administratif, en rappelant le numéro de facture. Pas d'escompte pour paiement anticipé.")
    String getPaymentTerms();

    @Bindable(defaultValue = "En cas de retard de paiement : pénalités au taux d'intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10 points, et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et D441-5 du code de commerce ; pour les acheteurs publics, intérêts moratoires et indemnité forfaitaire des art. L2192-13 et R2192-31 et suivants du code de la commande publique).")
    String getLatePaymentMention();

    /** Bank details printed for transfers; IBAN and BIC are required to issue an invoice. */
    @Nullable
    String getIban();

    @Nullable
    String getBic();

    /**
     * How long after its due date an invoice still unpaid gets its reminder mail (once), e.g. {@code 15d}.
     * Environment: {@code RENCONTRES_INVOICE_REMINDER_AFTER}.
     */
    @Bindable(defaultValue = "15d")
    java.time.Duration getReminderAfter();
}
