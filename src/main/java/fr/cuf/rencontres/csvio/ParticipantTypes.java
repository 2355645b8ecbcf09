package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.registration.ParticipantType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static fr.cuf.rencontres.registration.ParticipantType.*;

/** Participant types as delegation lists write them ("Élu·e", "Technicienne", "Speaker", "PRESS"). */
final class ParticipantTypes {

    private static final Map<String, ParticipantType> NAMES = names();

    private ParticipantTypes() {
    }

    static Optional<ParticipantType> parse(String text) {
        return Optional.ofNullable(NAMES.get(HeaderNames.key(text)));
    }

    private static Map<String, ParticipantType> names() {
        Map<String, ParticipantType> names = new HashMap<>();
        for (ParticipantType type : ParticipantType.values()) {
            names.put(HeaderNames.key(type.name()), type);
        }
        put(names, ELECTED_OFFICIAL, "Élu", "Élue", "Élu(e)", "Élu·e", "Élus", "Elected", "Elected official", "Maire",
                "Adjoint", "Adjointe", "Conseiller", "Conseillère");
        put(names, OFFICER, "Technicien", "Technicienne", "Technicien·ne", "Agent", "Agente", "Officer", "Staff member",
                "Chargé de mission", "Chargée de mission");
        put(names, PARTNER, "Partenaire", "Partner");
        put(names, SPEAKER, "Intervenant", "Intervenante", "Intervenant·e", "Orateur", "Oratrice", "Speaker");
        put(names, PRESS, "Presse", "Journaliste", "Média", "Media", "Press");
        put(names, STAFF, "Équipe", "Organisateur", "Organisation CUF", "Staff");
        return Map.copyOf(names);
    }

    private static void put(Map<String, ParticipantType> names, ParticipantType type, String... words) {
        for (String word : words) {
            names.put(HeaderNames.key(word), type);
        }
    }
}
