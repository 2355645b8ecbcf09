package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * About 400 fictitious registrations for the demo edition: generated names (never real people),
 * e-mails at example.org, spread over organisations, participant types, sessions and statuses; the
 * same every time (seeded), registered through the real service (no mail sent).
 */
@Singleton
public class DemoRegistrations {

    private static final String[] FIRST = {"Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Claire",
            "Nadia", "Aïcha", "Fatou", "Mariam", "Yasmine", "Élise", "Anne", "Sophie", "Hélène", "Agathe",
            "Thomas", "Nicolas", "Julien", "Hugo", "Lucas", "Karim", "Mamadou", "Youssef", "Olivier", "Pierre",
            "Antoine", "Mathieu", "Bruno", "Rémi", "Kenji", "Arman", "Diego", "Tuan", "Ousmane", "Rachid"};
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent",
            "Girard", "Bonnet", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Garnier", "Faure", "Rousseau",
            "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément",
            "Gauthier", "Diallo", "Traoré", "Ndiaye", "Benali", "Haddad", "Nguyen", "Tanaka", "Petrossian", "Ortega"};
    private static final String[] FUNCTIONS = {"Chargée de mission relations internationales",
            "Adjoint au maire délégué aux relations internationales", "Directrice des relations internationales",
            "Vice-président chargé de la coopération décentralisée", "Chargé de projets Europe et international",
            "Conseillère municipale déléguée aux jumelages", "Responsable du service international"};
    private static final ParticipantType[] TYPES = {ParticipantType.OFFICER, ParticipantType.OFFICER,
            ParticipantType.OFFICER, ParticipantType.ELECTED_OFFICIAL, ParticipantType.ELECTED_OFFICIAL,
            ParticipantType.PARTNER, ParticipantType.SPEAKER, ParticipantType.PRESS, ParticipantType.STAFF};

    private final RegistrationService service;
    private final RegistrationChanges changes;
    private final RegistrationDesk desk;
    private final PriceCategoryRepository categories;
    private final QuestionRepository questions;
    private final EventRepository events;
    private final OrganisationRepository organisations;
    private final RegistrationViews views;
    private final Clock clock;

    DemoRegistrations(RegistrationService service, RegistrationChanges changes, RegistrationDesk desk,
                      PriceCategoryRepository categories, QuestionRepository questions, EventRepository events,
                      OrganisationRepository organisations, RegistrationViews views, Clock clock) {
        this.service = service;
        this.changes = changes;
        this.desk = desk;
        this.categories = categories;
        this.questions = questions;
        this.events = events;
        this.organisations = organisations;
        this.views = views;
        this.clock = clock;
    }

    /** Loads {@code count} registrations into the event; returns how many were made. */
    public int load(String slug, int count) {
        Event event = events.findBySlug(slug).orElseThrow();
        Instant now = clock.instant();
        String[][] prices = {{"member", "Collectivité adhérente", "Member authority", "MEMBER", "0"},
                {"non-member", "Non-adhérent", "Non-member", "NON_MEMBER", "12000"},
                {"foreign", "Collectivité étrangère ou délégation", "Foreign authority or delegation", "FOREIGN", "0"},
                {"partner", "Partenaire", "Partner", "PARTNER", "6000"},
                {"speaker", "Intervenant·e", "Speaker", "SPEAKER", "0"},
                {"press", "Presse", "Press", "PRESS", "0"},
                {"staff", "Équipe CUF", "CUF staff", "STAFF", "0"}};
        for (int i = 0; i < prices.length; i++) {
            String[] p = prices[i];
            categories.save(new PriceCategory(null, event.id(), p[0], p[1], p[2], PriceRule.valueOf(p[3]),
                    Integer.parseInt(p[4]), i, now, now));
        }
        Question cocktail = questions.save(new Question(null, event.id(), 1, QuestionKind.YES_NO,
                "Participerez-vous au cocktail du 8 juillet ?", "Will you attend the cocktail on 8 July?", null, false, now));
        Question source = questions.save(new Question(null, event.id(), 2, QuestionKind.SINGLE_CHOICE,
                "Comment avez-vous connu les Rencontres ?", "How did you hear about the Rencontres?",
                "Lettre d'information\nGroupe-pays\nCollègue\nRéseaux sociaux", false, now));
        List<Organisation> all = new ArrayList<>();
        organisations.findAll().forEach(all::add);
        List<List<SessionSeats>> blocks = RegistrationViews.blocks(views.sessionsOf(event.id()));
        Random random = new Random(2026);
        int made = 0;
        List<RegistrationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Organisation organisation = all.get(random.nextInt(all.size()));
            List<Long> sessions = new ArrayList<>();
            for (List<SessionSeats> block : blocks) {
                if (block.size() > 1 && random.nextInt(10) < 7) {
                    SessionSeats s = block.get(random.nextInt(block.size()));
                    if (!s.membersOnly()) {
                        sessions.add(s.id());
                    }
                }
            }
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            RegistrationRequest request = new RegistrationRequest(first, last, FUNCTIONS[random.nextInt(FUNCTIONS.length)],
                    ascii(first) + "." + ascii(last) + "." + i + "@example.org", null, organisation.id(), null, null, null,
                    TYPES[random.nextInt(TYPES.length)], random.nextInt(8) == 0 ? "Végétarien" : null,
                    random.nextInt(25) == 0 ? "Accès en fauteuil roulant" : null,
                    random.nextInt(6) == 0 ? "en" : null, true, sessions,
                    Map.of(String.valueOf(cocktail.id()), List.of(random.nextBoolean() ? "yes" : "no"),
                            String.valueOf(source.id()), List.of(source.optionList().get(random.nextInt(4)))),
                    List.of(), true, random.nextInt(5) == 0 ? "en" : "fr");
            outcomes.add(service.register(slug, request, new Submission(Submission.Source.DEMO, null, "demo", false)));
            made++;
        }
        for (RegistrationOutcome o : outcomes) {
            int roll = random.nextInt(100);
            if (roll < 5) {
                changes.cancel(o.id(), "demo", false);
            } else if (roll < 40 && o.status() == RegistrationStatus.PENDING_PAYMENT) {
                desk.markPaid(o.id(), "demo");
            }
        }
        return made;
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
