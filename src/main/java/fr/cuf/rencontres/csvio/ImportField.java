package fr.cuf.rencontres.csvio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A value an import understands; which ones a file may carry depends on its {@link ImportKind}. */
public enum ImportField {
    NAME, KIND, COUNTRY, SIREN, INSEE_CODE, ADDRESS, POSTAL_CODE, CITY, MEMBER, MEMBERSHIP_YEARS,
    FIRST_NAME, LAST_NAME, FUNCTION, EMAIL, PHONE, ORGANISATION, ELECTED, PARTICIPANT_TYPE, SESSIONS;

    /** The name used in mappings ({@code map=Colonne=email}) and in JSON: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportField> fromKey(String key) {
        String wanted = key == null ? "" : key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst();
    }
}
