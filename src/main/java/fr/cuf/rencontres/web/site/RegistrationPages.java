package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceCategory;
import fr.cuf.rencontres.registration.Question;
import fr.cuf.rencontres.registration.Quote;
import fr.cuf.rencontres.registration.RegistrationSettings;
import fr.cuf.rencontres.registration.RegistrationView;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.registration.SessionSeats;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.web.Refusals;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Models of the registration form and the personal page (view logic only; rules stay in services). */
@Singleton
class RegistrationPages {

    private final RegistrationViews views;
    private final OrganisationRepository organisations;
    private final RegistrationSettings settings;
    private final Messages messages;
    private final Refusals refusals;

    private final fr.cuf.rencontres.registration.Pricing pricing;
    private final fr.cuf.rencontres.event.EventService events;
    private final fr.cuf.rencontres.event.EventCatalogue catalogue;
    private final java.time.Clock clock;
    private final fr.cuf.rencontres.privacy.PrivacyNotices notices;

    RegistrationPages(RegistrationViews views, OrganisationRepository organisations, RegistrationSettings settings,
                      Messages messages, fr.cuf.rencontres.registration.Pricing pricing,
                      fr.cuf.rencontres.event.EventService events, fr.cuf.rencontres.event.EventCatalogue catalogue,
                      java.time.Clock clock, fr.cuf.rencontres.privacy.PrivacyNotices notices,
                      Refusals refusals) {
        this.refusals = refusals;
        this.notices = notices;
        this.pricing = pricing;
        this.events = events;
        this.catalogue = catalogue;
        this.clock = clock;
        this.views = views;
        this.organisations = organisations;
        this.settings = settings;
        this.messages = messages;
    }

    Map<String, Object> form(Event event, Locale locale, Map<String, Object> values, DomainException refusal,
                             String query) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("values", values);
        model.put("idempotencyKey", values.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
        model.put("privacyVersion", notices.currentVersion());
        model.put("categories", categories(event.id(), locale));
        model.put("participantTypes", ParticipantType.values());
        model.put("attendance", attendance(event, locale, values.get("attendanceDay")));
        List<Organisation> found = organisations.search(query == null || query.isBlank() ? "" : query.strip(), 500, 0);
        Object chosen = values.get("organisationId");
        model.put("organisations", found.stream().map(o -> Map.of("id", o.id(), "name", o.name(),
                "city", o.city() == null ? "" : o.city(), "selected", String.valueOf(o.id()).equals(String.valueOf(chosen))))
                .toList());
        model.put("query", query);
        Set<Long> chosenSessions = new java.util.HashSet<>();
        values.forEach((k, v) -> {
            if (k.startsWith("block_")) {
                RegistrationForm.values(v).stream().filter(s -> s.matches("\\d+")).forEach(s -> chosenSessions.add(Long.valueOf(s)));
            }
        });
        model.put("blocks", blocks(event.id(), chosenSessions));
        model.put("questions", questions(event.id(), locale, values));
        Map<String, Object> errors = refusal == null ? Map.of() : refusals.model(locale, refusal.problems());
        model.putAll(errors);
        model.put("colleagueRows", colleagueRows(values, errors));
        if (refusal != null) {
            model.put("errorSummary", summary(refusal, locale));
        }
        return model;
    }

    /** Each colleague row with what was typed and its own messages, so that a refused form loses nothing. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> colleagueRows(Map<String, Object> values, Map<String, Object> errors) {
        Map<String, Object> byField = (Map<String, Object>) errors.getOrDefault("errors", Map.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < RegistrationForm.COLLEAGUE_ROWS; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("index", i);
            row.put("number", i + 1);
            Map<String, Object> rowErrors = new HashMap<>();
            for (String field : List.of("firstName", "lastName", "functionTitle", "email", "participantType")) {
                Object typed = values.get("colleague_" + i + "_" + field);
                row.put(field, typed == null ? "" : String.valueOf(typed));
                Object error = byField.get("colleague_" + i + "_" + field);
                if (error != null) {
                    rowErrors.put(field, error);
                }
            }
            row.put("errors", rowErrors);
            rows.add(row);
        }
        return rows;
    }

    /** The summary at the top: each problem with the field it is about, linking to that field. */
    private List<Map<String, Object>> summary(DomainException refusal, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : refusal.problems()) {
            Map<String, Object> item = new HashMap<>();
            item.put("message", messages.problem(locale, p));
            String label = "";
            String anchor = null;
            if (p.field() != null) {
                java.util.regex.Matcher colleague = java.util.regex.Pattern.compile("colleagues\\[(\\d+)]\\.(\\w+)")
                        .matcher(p.field());
                if (colleague.matches()) {
                    int row = Integer.parseInt(colleague.group(1));
                    String field = colleague.group(2);
                    label = messages.get(locale, "registration.colleague") + " " + (row + 1) + " — "
                            + messages.get(locale, "registration." + field);
                    anchor = "c" + row + "-" + switch (field) {
                        case "firstName" -> "first";
                        case "lastName" -> "last";
                        case "functionTitle" -> "function";
                        case "participantType" -> "type";
                        default -> field;
                    };
                } else if (p.field().startsWith("answers.")) {
                    anchor = "answer-" + p.field().substring("answers.".length());
                } else if (FIELD_LABELS.containsKey(p.field())) {
                    label = messages.get(locale, FIELD_LABELS.get(p.field()));
                    anchor = switch (p.field()) {
                        case "sessionIds", "attendanceDay" -> p.field() + "-error";
                        default -> p.field();
                    };
                }
            }
            item.put("label", label);
            item.put("anchor", anchor);
            out.add(item);
        }
        return out;
    }

    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("firstName", "registration.firstName"), Map.entry("lastName", "registration.lastName"),
            Map.entry("functionTitle", "registration.functionTitle"), Map.entry("email", "registration.email"),
            Map.entry("phone", "registration.phone"), Map.entry("participantType", "registration.participantType"),
            Map.entry("organisationId", "registration.organisation"),
            Map.entry("organisationName", "registration.newOrganisation"),
            Map.entry("consent", "registration.consentShort"), Map.entry("sessionIds", "registration.sessions"),
            Map.entry("attendanceDay", "registration.attendance"));

    /** The price preview of one person (see the controller's {@code /price}); empty without a known type. */
    Map<String, Object> price(Event event, String organisationId, String participantType, String attendanceDay,
                              Locale locale) {
        ParticipantType type;
        try {
            type = participantType == null ? null : ParticipantType.valueOf(participantType);
        } catch (IllegalArgumentException unknown) {
            type = null;
        }
        if (type == null) {
            return Map.of();
        }
        Organisation organisation = organisationId != null && organisationId.matches("\\d+")
                ? organisations.findById(Long.valueOf(organisationId)).orElse(null) : null;
        Integer day = attendanceDay != null && attendanceDay.matches("\\d{1,2}") ? Integer.valueOf(attendanceDay) : null;
        try {
            fr.cuf.rencontres.registration.Pricing.Estimate e = pricing.estimate(event, type, organisation, day);
            String reason = e.rule() == null ? messages.get(locale, "registration.reason.FREE")
                    : messages.get(locale, "registration.reason." + e.rule().name(), e.year());
            return Map.of("price", e.quote().priceText(), "cents", e.quote().priceCents(), "reason", reason,
                    "text", messages.get(locale, "registration.priceFor", e.quote().priceText(), reason));
        } catch (DomainException noPrice) {
            return Map.of("text", noPrice.problems().stream().map(p -> messages.problem(locale, p)).findFirst().orElse(""));
        }
    }

    PublicEvent publicEvent(String slug) {
        return PublicEvent.of(catalogue.summary(events.publicBySlug(slug)), clock.instant());
    }

    List<Map<String, Object>> categories(long eventId, Locale locale) {
        return views.categoriesOf(eventId).stream().map((PriceCategory c) -> Map.<String, Object>of(
                "label", c.label(locale), "rule", c.appliesTo(), "price", c.free()
                        ? messages.get(locale, "registration.free") : Quote.euros(c.priceCents()))).toList();
    }

    /** The attendance choices (every day, or one day) when the event sells day passes; empty otherwise. */
    List<Map<String, Object>> attendance(Event event, Locale locale, Object chosen) {
        List<PriceCategory> all = views.categoriesOf(event.id());
        if (all.stream().noneMatch(c -> c.dayPass() > 0)) {
            return List.of();
        }
        String picked = chosen == null ? "" : String.valueOf(chosen);
        List<Map<String, Object>> options = new ArrayList<>();
        if (all.stream().anyMatch(c -> c.dayPass() == 0)) {
            options.add(Map.of("value", "", "label", messages.get(locale, "registration.attendance.all"),
                    "checked", picked.isEmpty()));
        }
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        List<java.time.LocalDate> days = fr.cuf.rencontres.registration.Days.of(event);
        for (int d = 1; d <= days.size(); d++) {
            int day = d;
            if (all.stream().anyMatch(c -> c.dayPass() == day)) {
                options.add(Map.of("value", String.valueOf(day), "label", messages.get(locale,
                        "registration.attendance.day", days.get(day - 1).format(format)), "checked",
                        picked.equals(String.valueOf(day))));
            }
        }
        return options;
    }

    List<Map<String, Object>> blocks(long eventId, Set<Long> chosen) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        int index = 0;
        for (List<SessionSeats> block : RegistrationViews.blocks(views.sessionsOf(eventId))) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            boolean any = false;
            for (SessionSeats s : block) {
                Map<String, Object> m = new HashMap<>();
                m.put("session", s);
                m.put("checked", chosen.contains(s.id()));
                any |= chosen.contains(s.id());
                sessions.add(m);
            }
            blocks.add(Map.of("index", index++, "startsAt", block.get(0).startsAt(), "sessions", sessions, "none", !any));
        }
        return blocks;
    }

    private List<Map<String, Object>> questions(long eventId, Locale locale, Map<String, Object> values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Question q : views.questionsOf(eventId)) {
            List<String> given = RegistrationForm.values(values.get("answer_" + q.id()));
            List<Map<String, Object>> options = q.optionList().stream().map(o -> Map.<String, Object>of("value", o,
                    "label", q.kind() == fr.cuf.rencontres.registration.QuestionKind.YES_NO
                            ? messages.get(locale, "registration." + o) : o, "checked", given.contains(o))).toList();
            Map<String, Object> m = new HashMap<>();
            m.put("question", q);
            m.put("label", q.label(locale));
            m.put("options", options);
            m.put("value", given.isEmpty() ? "" : given.get(0));
            m.put("multiple", q.kind() == fr.cuf.rencontres.registration.QuestionKind.MULTIPLE_CHOICE);
            m.put("text", q.kind() == fr.cuf.rencontres.registration.QuestionKind.TEXT);
            out.add(m);
        }
        return out;
    }

    Map<String, Object> personal(RegistrationView v, String secret, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", v);
        model.put("secret", secret);
        model.put("active", v.active());
        model.put("priceText", v.quote().free() ? messages.get(locale, "registration.free") : v.quote().priceText());
        model.put("categoryLabel", v.quote().categoryCode() == null ? null
                : Languages.english(locale) ? v.quote().labelEn() : v.quote().labelFr());
        model.put("blocks", blocks(v.event().id(), new java.util.HashSet<>(v.chosenSessionIds())));
        return model;
    }
}
