package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Fictitious registrations for a demo edition: generated names (never real people), e-mails at example.org,
 * spread over organisations, participant types, sessions and statuses; the same every time (seeded). Each is
 * registered, cancelled or marked paid through the real services AS OF its own moment between the opening
 * and the end of the given period ({@link ReplayClock}), so created, updated and audit times read like a real
 * registration period: many at the opening, then a steady flow. No mail is sent.
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
    private final ReplayClock clock;
    private final RegistrationRepository registrations;

    DemoRegistrations(RegistrationService service, RegistrationChanges changes, RegistrationDesk desk,
                      PriceCategoryRepository categories, QuestionRepository questions, EventRepository events,
                      OrganisationRepository organisations, RegistrationViews views, ReplayClock clock,
                      RegistrationRepository registrations) {
        this.registrations = registrations;
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

    /**
     * How many registrations, over which period, and what becomes of them.
     *
     * @param cancelled the share cancelled a few days after registering
     * @param paid      the share of those waiting for payment marked paid (bank transfer) some days later
     */
    public record Plan(int count, Instant from, Instant until, double cancelled, double paid, long seed) {
    }

    /**
     * Registers the plan's registrations into the event (its prices and questions set up with {@link #prepare});
     * returns their ids, oldest first. Cancellations and payments due after the plan's end are not made.
     */
    public List<Long> load(String slug, Plan plan) {
        Event event = events.findBySlug(slug).orElseThrow();
        Question cocktail = questions.findByEventIdOrderByPosition(event.id()).get(0);
        Question source = questions.findByEventIdOrderByPosition(event.id()).get(1);
        List<Organisation> all = new ArrayList<>();
        organisations.findAll().forEach(all::add);
        List<List<SessionSeats>> blocks = RegistrationViews.blocks(views.sessionsOf(event.id()));
        Random random = new Random(plan.seed());
        long span = Duration.between(plan.from(), plan.until()).toSeconds();
        PriorityQueue<Later> later = new PriorityQueue<>(Comparator.comparing(Later::at));
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            // convex: a rush at the opening, then a steady flow
            Instant at = plan.from().plusSeconds((long) (span * Math.pow((i + random.nextDouble()) / plan.count(), 1.6)));
            runUntil(later, at);
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
            RegistrationRequest request = RegistrationRequest.builder()
                    .name(first, last).functionTitle(FUNCTIONS[random.nextInt(FUNCTIONS.length)])
                    .email(ascii(first) + "." + ascii(last) + "." + plan.seed() + "." + i + "@example.org")
                    .organisationId(organisation.id())
                    // the draws keep their order: the same seed gives the same demo
                    .participantType(TYPES[random.nextInt(TYPES.length)])
                    .dietaryNeeds(random.nextInt(8) == 0 ? "Végétarien" : null)
                    .accessibilityNeeds(random.nextInt(25) == 0 ? "Accès en fauteuil roulant" : null)
                    .interpretationLanguage(random.nextInt(6) == 0 ? "en" : null).consent(true).sessionIds(sessions)
                    .answers(Map.of(String.valueOf(cocktail.id()), List.of(random.nextBoolean() ? "yes" : "no"),
                            String.valueOf(source.id()), List.of(source.optionList().get(random.nextInt(4)))))
                    .waitingList(true).locale(random.nextInt(5) == 0 ? "en" : "fr").build();
            long id = clock.at(at, () -> service.register(slug, request,
                    new Submission(Submission.Source.DEMO, null, "demo", false))).id();
            made.add(id);
            if (random.nextDouble() < plan.cancelled()) {
                later.add(new Later(at.plus(Duration.ofHours(12 + random.nextInt(24 * 10))), id, true));
            } else if (random.nextDouble() < plan.paid()) {
                later.add(new Later(at.plus(Duration.ofHours(48 + random.nextInt(24 * 14))), id, false));
            }
        }
        runUntil(later, plan.until());
        return made;
    }

    /** A cancellation or a payment to make at its moment. */
    private record Later(Instant at, long registrationId, boolean cancel) {
    }

    private void runUntil(PriorityQueue<Later> later, Instant until) {
        while (!later.isEmpty() && later.peek().at().isBefore(until)) {
            Later next = later.poll();
            RegistrationStatus status = registrations.findById(next.registrationId()).orElseThrow().status();
            if (next.cancel() && status != RegistrationStatus.CANCELLED) {
                clock.run(next.at(), () -> changes.cancel(next.registrationId(), "demo", false));
            } else if (!next.cancel() && status == RegistrationStatus.PENDING_PAYMENT) {
                clock.run(next.at(), () -> desk.markPaid(next.registrationId(), "demo"));
            }
        }
    }

    /** The edition's prices and its two questions, as staff set them up before the opening. */
    public void prepare(String slug) {
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
        LocalDate firstDay = Times.paris(event.startsAt()).toLocalDate();
        questions.save(new Question(null, event.id(), 1, QuestionKind.YES_NO,
                "Participerez-vous au cocktail du " + firstDay.format(DateTimeFormatter.ofPattern("d MMMM", Locale.FRENCH)) + " ?",
                "Will you attend the cocktail on " + firstDay.format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH)) + "?",
                null, false, now));
        questions.save(new Question(null, event.id(), 2, QuestionKind.SINGLE_CHOICE,
                "Comment avez-vous connu les Rencontres ?", "How did you hear about the Rencontres?",
                "Lettre d'information\nGroupe-pays\nCollègue\nRéseaux sociaux", false, now));
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
