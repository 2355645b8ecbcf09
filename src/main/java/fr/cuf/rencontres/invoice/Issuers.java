package fr.cuf.rencontres.invoice;

import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.cuf.rencontres.member.Siret;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The invoice settings, checked when the service starts: a malformed SIRET, RNA, IBAN, BIC or VAT rate stops
 * the start with a message naming the setting, instead of printing a wrong legal mention on real invoices.
 * Settings left empty are allowed (a development copy) but then issuing is refused with the list of what is
 * missing ({@link Issuer#missingForIssue()}).
 */
@Context
public class Issuers {

    private final Issuer current;

    /**
     * Fictitious bank and registration details (valid checksums, the French banks' example IBAN) used only on the
     * embedded development database, where the demo data issues invoices; never on PostgreSQL.
     */
    private static final String DEMO_SIRET = "77550090200009";
    private static final String DEMO_IBAN = "FR7630006000011234567890189";
    private static final String DEMO_BIC = "AGRIFRPPXXX";
    private static final Logger LOG = LoggerFactory.getLogger(Issuers.class);

    @jakarta.inject.Inject
    Issuers(InvoiceSettings settings, @Value("${datasources.default.url}") String jdbcUrl) {
        this(settings, jdbcUrl.startsWith("jdbc:h2:file:"));
    }

    Issuers(InvoiceSettings settings, boolean developmentDatabase) {
        List<String> problems = new ArrayList<>();
        String siret = blankToNull(settings.getIssuerSiret());
        boolean demo = developmentDatabase && siret == null && blankToNull(settings.getIban()) == null
                && blankToNull(settings.getBic()) == null;
        if (demo) {
            LOG.warn("Invoices of this development copy carry fictitious issuer SIRET and bank details: set "
                    + "rencontres.invoice.issuer-siret, iban and bic before issuing real invoices");
            siret = DEMO_SIRET;
        }
        if (siret != null) {
            siret = Siret.normalise(siret);
            if (!Siret.isValid(siret)) {
                problems.add("rencontres.invoice.issuer-siret: 14 digits with a valid checksum expected, got '" + settings.getIssuerSiret() + "'");
            }
        }
        String rna = blankToNull(settings.getIssuerRna());
        if (rna != null && !rna.matches("W\\d{9}")) {
            problems.add("rencontres.invoice.issuer-rna: W followed by 9 digits expected, got '" + rna + "'");
        }
        String iban = demo ? DEMO_IBAN : blankToNull(settings.getIban());
        if (iban != null) {
            iban = iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!ibanValid(iban)) {
                problems.add("rencontres.invoice.iban: not a valid IBAN (country, check digits, mod 97)");
            }
        }
        String bic = demo ? DEMO_BIC : blankToNull(settings.getBic());
        if (bic != null) {
            bic = bic.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
                problems.add("rencontres.invoice.bic: 8 or 11 characters expected (bank, country, place, branch)");
            }
        }
        Integer basisPoints = null;
        BigDecimal rate = settings.getVatRate();
        String vatNumber = blankToNull(settings.getIssuerVatNumber());
        if (rate != null) {
            if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0 || rate.scale() > 2) {
                problems.add("rencontres.invoice.vat-rate: a percentage between 0 and 100 with at most 2 decimals expected");
            } else {
                basisPoints = rate.movePointRight(2).intValueExact();
            }
            if (vatNumber == null || !vatNumber.replaceAll("\\s", "").matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
                problems.add("rencontres.invoice.issuer-vat-number: required with a VAT rate (e.g. FR12345678901)");
            }
        }
        if (settings.getPaymentDays() < 0 || settings.getPaymentDays() > 60) {
            problems.add("rencontres.invoice.payment-days: between 0 and 60 (French law caps payment terms at 60 days)");
        }
        String country = settings.getIssuerCountry().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add("rencontres.invoice.issuer-country: ISO 3166 alpha-2 code expected");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid invoice settings:\n  " + String.join("\n  ", problems));
        }
        this.current = new Issuer(settings.getIssuerName().strip(), settings.getIssuerAddressLine().strip(),
                settings.getIssuerPostalCode().strip(), settings.getIssuerCity().strip(), country, siret, rna,
                vatNumber == null ? null : vatNumber.replaceAll("\\s", ""), blankToNull(settings.getIssuerEmail()),
                basisPoints, settings.getVatExemptionMention().strip(), settings.getPaymentDays(),
                settings.getPaymentTerms().strip(), settings.getLatePaymentMention().strip(), iban, bic);
    }

    /** The issuer as the settings say now; an issued invoice keeps its own copy. */
    public Issuer current() {
        return current;
    }

    static boolean ibanValid(String iban) {
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
