package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.support.Messages;

import java.util.HashMap;
import java.util.List;
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
    private final Map<String, OrganisationKind> phrases = new HashMap<>();

    OrganisationKinds(Messages messages) {
        for (OrganisationKind kind : OrganisationKind.values()) {
            names.put(HeaderNames.key(kind.name()), kind);
            for (Locale locale : Languages.SUPPORTED) {
                String label = messages.get(locale, "enum.OrganisationKind." + kind.name());
                names.put(HeaderNames.key(label), kind);
                phrases.put(HeaderNames.words(label), kind);
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
            phrases.put(HeaderNames.words(word), kind);
        }
    }

    Optional<OrganisationKind> parse(String text) {
        return Optional.ofNullable(names.get(HeaderNames.key(text)));
    }

    /**
     * A guess for a value no label or synonym knows, for staff to confirm: the kind of the label or synonym
     * sharing the most words of four letters or more with it (« autorité locale étrangère » and
     * « collectivité locale étrangère »); none on a tie or without a shared word.
     */
    Optional<OrganisationKind> suggest(String text) {
        java.util.Set<String> words = significant(HeaderNames.words(text));
        Map<OrganisationKind, Integer> best = new java.util.EnumMap<>(OrganisationKind.class);
        for (Map.Entry<String, OrganisationKind> phrase : phrases.entrySet()) {
            java.util.Set<String> shared = significant(phrase.getKey());
            shared.retainAll(words);
            best.merge(phrase.getValue(), shared.size(), Math::max);
        }
        int top = best.values().stream().max(Integer::compare).orElse(0);
        List<OrganisationKind> winners = best.entrySet().stream().filter(e -> e.getValue() == top)
                .map(Map.Entry::getKey).toList();
        return top > 0 && winners.size() == 1 ? Optional.of(winners.get(0)) : Optional.empty();
    }

    private static java.util.Set<String> significant(String words) {
        java.util.Set<String> set = new java.util.HashSet<>();
        for (String w : words.split(" ")) {
            if (w.length() >= 4) {
                set.add(w);
            }
        }
        return set;
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
