package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import fr.cuf.rencontres.support.DomainException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads registrations as pages, mails and the API show them. */
@Singleton
public class RegistrationViews {

    private final RegistrationRepository registrations;
    private final RegistrationDetailRepository store;
    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final EventRepository events;
    private final PriceCategoryRepository categories;
    private final QuestionRepository questions;

    RegistrationViews(RegistrationRepository registrations, RegistrationDetailRepository store, PersonRepository persons,
                      OrganisationRepository organisations, EventRepository events,
                      PriceCategoryRepository categories, QuestionRepository questions) {
        this.registrations = registrations;
        this.store = store;
        this.persons = persons;
        this.organisations = organisations;
        this.events = events;
        this.categories = categories;
        this.questions = questions;
    }

    public List<SessionSeats> sessionsOf(long eventId) {
        return store.sessionsOf(eventId);
    }

    public List<PriceCategory> categoriesOf(long eventId) {
        return categories.findByEventIdOrderByPosition(eventId);
    }

    /** The event's price categories by code, as the reader says them ("Non-adhérent", not "non-member"). */
    public Map<String, String> categoryLabels(long eventId, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        for (PriceCategory c : categories.findByEventIdOrderByPosition(eventId)) {
            labels.put(c.code(), "en".equals(locale.getLanguage()) ? c.labelEn() : c.labelFr());
        }
        return labels;
    }

    public List<Question> questionsOf(long eventId) {
        return questions.findByEventIdOrderByPosition(eventId);
    }

    /**
     * The time slots of a programme: scheduled sessions that overlap (directly or through another) form
     * one parallel block, in which a registrant chooses one session.
     */
    public static List<List<SessionSeats>> blocks(List<SessionSeats> sessions) {
        List<SessionSeats> scheduled = sessions.stream().filter(s -> s.startsAt() != null)
                .sorted(java.util.Comparator.comparing(SessionSeats::startsAt)).toList();
        List<List<SessionSeats>> blocks = new ArrayList<>();
        java.time.Instant end = null;
        for (SessionSeats s : scheduled) {
            if (end == null || !s.startsAt().isBefore(end)) {
                blocks.add(new ArrayList<>());
                end = s.endsAt();
            } else if (s.endsAt().isAfter(end)) {
                end = s.endsAt();
            }
            blocks.get(blocks.size() - 1).add(s);
        }
        return blocks;
    }

    public RegistrationView get(long id) {
        return view(id, true);
    }

    /** The registration a personal link opens; an unknown or renewed secret opens nothing. */
    public RegistrationView bySecret(String secret) {
        return find(secret).orElseThrow(() -> DomainException.notFound("registration_not_found"));
    }

    public Optional<RegistrationView> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 64) {
            return Optional.empty();
        }
        return store.findBySecretHash(PersonalLinks.hash(secret)).map(d -> view(d.registrationId(), true));
    }

    RegistrationView view(long id, boolean withGroup) {
        Registration r = registrations.findById(id).orElseThrow(() -> DomainException.notFound("registration_not_found"));
        RegistrationDetail d = store.findById(id).orElseThrow(() -> DomainException.notFound("registration_not_found"));
        Person person = persons.findById(r.personId()).orElseThrow();
        Organisation organisation = r.organisationId() == null ? null : organisations.findById(r.organisationId()).orElse(null);
        Event event = events.findById(r.eventId()).orElseThrow();
        Map<Long, SessionSeats> sessions = store.sessionsOf(event.id()).stream()
                .collect(Collectors.toMap(SessionSeats::id, Function.identity()));
        List<RegistrationView.ChoiceView> choices = store.choicesOf(id).stream()
                .filter(c -> sessions.containsKey(c.sessionId()))
                .map(c -> new RegistrationView.ChoiceView(sessions.get(c.sessionId()), c.status()))
                .sorted(java.util.Comparator.comparing(c -> c.session().startsAt() == null ? java.time.Instant.MAX
                        : c.session().startsAt()))
                .toList();
        Map<Long, Question> byId = questions.findByEventIdOrderByPosition(event.id()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<RegistrationView.AnswerView> answers = questions.findAnswers(id).stream()
                .filter(a -> byId.containsKey(a.questionId()))
                .map(a -> new RegistrationView.AnswerView(byId.get(a.questionId()), a.answer())).toList();
        List<RegistrationView> group = new ArrayList<>();
        if (withGroup && d.groupSubmitter() && d.groupId() != null) {
            for (RegistrationDetail other : store.findByGroupId(d.groupId())) {
                if (!other.registrationId().equals(id)) {
                    group.add(view(other.registrationId(), false));
                }
            }
        }
        return new RegistrationView(r, d, person, organisation, event, quote(r), choices, answers, group);
    }

    Quote quote(Registration r) {
        if (r.priceCategory() == null) {
            return new Quote(null, null, null, r.priceCents());
        }
        return categories.findByEventIdAndCode(r.eventId(), r.priceCategory())
                .map(c -> new Quote(c.code(), c.labelFr(), c.labelEn(), r.priceCents()))
                .orElse(new Quote(r.priceCategory(), r.priceCategory(), r.priceCategory(), r.priceCents()));
    }

    RegistrationOutcome outcome(long id, String secret, boolean replayed) {
        RegistrationView v = view(id, true);
        List<RegistrationOutcome> colleagues = v.group().stream().map(g -> outcome(g, null, replayed)).toList();
        return outcome(v, secret, replayed).withColleagues(colleagues);
    }

    private static RegistrationOutcome outcome(RegistrationView v, String secret, boolean replayed) {
        return new RegistrationOutcome(v.registration().id(), v.registration().status(), v.quote(), secret, replayed,
                v.choices().stream().map(c -> new RegistrationOutcome.SessionChoice(c.session().id(),
                        c.session().title(), c.status())).toList(),
                v.person().firstName(), v.person().lastName(), v.detail().email(), List.of());
    }
}
