package fr.cuf.rencontres.csvio;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.cuf.rencontres.csvio.ImportField.*;

/**
 * What a file imports, and the header names (French and English) each of its fields is recognised by.
 * Header names are compared by {@link HeaderNames#key}: accents, case, spaces and punctuation do not matter.
 */
public enum ImportKind {

    ORGANISATIONS(Map.ofEntries(
            Map.entry(NAME, List.of("Nom", "Raison sociale", "Name", "Organisation", "Organization", "Collectivité",
                    "Dénomination", "Libellé")),
            Map.entry(KIND, List.of("Type", "Nature", "Kind", "Catégorie", "Type de collectivité",
                    "Type d'organisation", "Organisation type")),
            Map.entry(COUNTRY, List.of("Pays", "Country", "Code pays", "Country code")),
            Map.entry(SIREN, List.of("SIREN", "N° SIREN", "Numéro SIREN", "SIREN number")),
            Map.entry(INSEE_CODE, List.of("Code INSEE", "INSEE", "INSEE code")),
            Map.entry(ADDRESS, List.of("Adresse", "Address", "Adresse postale", "Rue", "Street")),
            Map.entry(POSTAL_CODE, List.of("Code postal", "CP", "Postal code", "Zip", "Zip code", "Postcode")),
            Map.entry(CITY, List.of("Ville", "Commune", "City", "Town", "Localité")),
            Map.entry(MEMBER, List.of("Adhésion", "Adhérent", "Adhérente", "Membre", "Member", "Membership")),
            Map.entry(MEMBERSHIP_YEARS, List.of("Année d'adhésion", "Années d'adhésion", "Année adhésion",
                    "Membership year", "Membership years")))),

    PERSONS(personAliases(Map.of())),

    REGISTRATIONS(personAliases(Map.of(
            PARTICIPANT_TYPE, List.of("Type de participant", "Participant type", "Profil", "Catégorie", "Type",
                    "Type d'inscription", "Registration type"),
            SESSIONS, List.of("Séances", "Sessions", "Ateliers", "Choix des séances", "Session choices"))));

    private final Map<ImportField, List<String>> aliases;

    ImportKind(Map<ImportField, List<String>> aliases) {
        this.aliases = aliases;
    }

    private static Map<ImportField, List<String>> personAliases(Map<ImportField, List<String>> extra) {
        Map<ImportField, List<String>> map = new LinkedHashMap<>(Map.of(
                FIRST_NAME, List.of("Prénom", "First name", "Firstname", "Given name"),
                LAST_NAME, List.of("Nom", "Nom de famille", "Last name", "Lastname", "Surname", "Family name", "Name"),
                FUNCTION, List.of("Fonction", "Function", "Titre", "Title", "Job title", "Poste", "Qualité"),
                EMAIL, List.of("Courriel", "E-mail", "Email", "Mail", "Adresse e-mail", "Adresse électronique",
                        "Email address"),
                PHONE, List.of("Téléphone", "Tél", "Phone", "Telephone", "Portable", "Mobile"),
                ORGANISATION, List.of("Organisation", "Organization", "Collectivité", "Structure", "Organisme",
                        "Raison sociale", "Institution"),
                SIREN, List.of("SIREN", "SIREN de l'organisation", "SIREN organisation", "Organisation SIREN"),
                COUNTRY, List.of("Pays", "Country", "Pays de l'organisation"),
                ELECTED, List.of("Élu(e)", "Élu", "Élue", "Élu·e", "Elected", "Elected official")));
        map.putAll(extra);
        return Map.copyOf(map);
    }

    /** The fields this kind of file can fill, in a stable order (for the mapping form). */
    public List<ImportField> fields() {
        return Arrays.stream(ImportField.values()).filter(aliases::containsKey).toList();
    }

    public List<String> aliases(ImportField field) {
        return aliases.getOrDefault(field, List.of());
    }

    /** The field a header names, if any. */
    public Optional<ImportField> fieldOf(String header) {
        String key = HeaderNames.key(header);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (ImportField field : fields()) {
            for (String alias : aliases.get(field)) {
                if (HeaderNames.key(alias).equals(key)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** The path name: {@code organisations}, {@code persons}, {@code registrations}. */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ImportKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path().equals(path)).findFirst();
    }
}
