package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.support.Messages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static fr.cuf.rencontres.member.OrganisationKind.*;

/** Organisation kinds as spreadsheets write them ("Commune", "EPCI", "Ambassade", "REGION"), and a guess from the name. */
final class OrganisationKinds {

    private static final Pattern COMMUNE_NAME = Pattern.compile("^(ville|commune|mairie) .*");
    private static final Pattern INTERCOMMUNALITE_NAME = Pattern.compile("^(communaute (d agglomeration|de communes|urbaine)|metropole|eurometropole|etablissement public territorial) .*");
    private static final Pattern DEPARTEMENT_NAME = Pattern.compile("^(departement|conseil departemental) .*");
    private static final Pattern REGION_NAME = Pattern.compile("^(region|conseil regional|collectivite territoriale|collectivite europeenne) .*");
    private static final Pattern STATE_NAME = Pattern.compile("^(ministere|agence francaise) .*");

    private final Map<String, OrganisationKind> names = new HashMap<>();

    OrganisationKinds(Messages messages) {
        for (OrganisationKind kind : OrganisationKind.values()) {
            names.put(HeaderNames.key(kind.name()), kind);
            for (Locale locale : Messages.SUPPORTED) {
                names.put(HeaderNames.key(messages.get(locale, "enum.OrganisationKind." + kind.name())), kind);
            }
        }
        synonyms(COMMUNE, "Ville", "Mairie", "Municipalité");
        synonyms(INTERCOMMUNALITE, "EPCI", "Métropole", "Intercommunalité", "Communauté d'agglomération",
                "Communauté de communes", "Communauté urbaine", "Agglomération");
        synonyms(DEPARTEMENT, "Conseil départemental", "Department");
        synonyms(REGION, "Conseil régional", "Collectivité territoriale");
        synonyms(FOREIGN_LOCAL_AUTHORITY, "Collectivité locale étrangère", "Foreign authority");
        synonyms(STATE_BODY, "État", "Ministère", "Organisme public", "Établissement public", "State");
        synonyms(ASSOCIATION, "Réseau", "Network", "ONG", "NGO", "Fondation");
        synonyms(COMPANY, "Société", "Entreprise privée");
        synonyms(OTHER, "Divers");
    }

    private void synonyms(OrganisationKind kind, String... words) {
        for (String word : words) {
            names.put(HeaderNames.key(word), kind);
        }
    }

    Optional<OrganisationKind> parse(String text) {
        return Optional.ofNullable(names.get(HeaderNames.key(text)));
    }

    /**
     * When the file says nothing: from the first words of a French name ("Ville de…", "Communauté
     * d'agglomération…", "Département…", "Région…"), a foreign local authority abroad, otherwise "other".
     */
    static OrganisationKind guess(String name, String country) {
        String words = HeaderNames.words(name);
        if (words.startsWith("ambassade") || words.startsWith("embassy")) {
            return EMBASSY;
        }
        if (!"FR".equals(country)) {
            return FOREIGN_LOCAL_AUTHORITY;
        }
        if (COMMUNE_NAME.matcher(words).matches()) {
            return COMMUNE;
        }
        if (INTERCOMMUNALITE_NAME.matcher(words).matches()) {
            return INTERCOMMUNALITE;
        }
        if (DEPARTEMENT_NAME.matcher(words).matches()) {
            return DEPARTEMENT;
        }
        if (REGION_NAME.matcher(words).matches()) {
            return REGION;
        }
        if (STATE_NAME.matcher(words).matches()) {
            return STATE_BODY;
        }
        return OTHER;
    }
}
