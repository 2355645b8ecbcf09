package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.registration.CategoryForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.PriceRule;
import fr.cuf.rencontres.registration.QuestionForm;
import fr.cuf.rencontres.registration.QuestionKind;
import fr.cuf.rencontres.registration.RegistrationChanges;
import fr.cuf.rencontres.registration.RegistrationDesk;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.registration.RegistrationDeskRepository;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import fr.cuf.rencontres.web.Refusals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registration desk: registrations of an event with search, filters and counts, the waiting list
 * in order, registration on the spot, category changes, payments, cancellations, mails resent, and
 * the event's price categories and custom questions.
 */
@Controller("/staff/registrations")
@Secured("REGISTRATION_DESK")
@Produces(MediaType.TEXT_HTML)
class RegistrationStaffController {

    private final EventRepository events;
    private final EventService eventService;
    private final RegistrationDeskRepository queries;
    private final RegistrationViews views;
    private final RegistrationService registrations;
    private final RegistrationChanges changes;
    private final RegistrationDesk desk;
    private final MailOutboxRepository outbox;
    private final Refusals refusals;
    private final HttpLocaleResolver locales;
    private final fr.cuf.rencontres.member.OrganisationRepository organisations;

    RegistrationStaffController(fr.cuf.rencontres.member.OrganisationRepository organisations, EventRepository events, EventService eventService, RegistrationDeskRepository queries,
                                RegistrationViews views, RegistrationService registrations, RegistrationChanges changes,
                                RegistrationDesk desk, MailOutboxRepository outbox, Refusals refusals,
                                HttpLocaleResolver locales) {
        this.events = events;
        this.eventService = eventService;
        this.queries = queries;
        this.views = views;
        this.registrations = registrations;
        this.changes = changes;
        this.desk = desk;
        this.outbox = outbox;
        this.refusals = refusals;
        this.locales = locales;
        this.organisations = organisations;
    }

    @Get
    ModelAndView<Map<String, Object>> events() {
        return new ModelAndView<>("staff/registration-events", Map.of("events", events.findAllOrderByStartsAtDesc()));
    }

    @Get("/{eventId}")
    ModelAndView<Map<String, Object>> list(@PathVariable long eventId, @Nullable @QueryValue String q,
                                           @Nullable @QueryValue String status, @Nullable @QueryValue String category,
                                           @Nullable @QueryValue Long organisationId, @Nullable @QueryValue Long sessionId,
                                           HttpRequest<?> request) {
        return page(eventService.get(eventId), new Filter(blank(q), blank(status), blank(category), organisationId,
                sessionId), request, null);
    }

    @Post("/{eventId}/desk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(@PathVariable long eventId, @Body Map<String, Object> form, Authentication staff,
                             HttpRequest<?> request) {
        Event event = eventService.get(eventId);
        return act(event, request, () -> registrations.register(event.slug(), deskRequest(form),
                Submission.desk(staff.getName(), form.get("sendMail") != null)));
    }

    @Post("/{eventId}/r/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(@PathVariable long eventId, @PathVariable long id, @PathVariable String action,
                           @Body Map<String, Object> form, Authentication staff, HttpRequest<?> request) {
        Event event = eventService.get(eventId);
        if (views.get(id).registration().eventId() != eventId) {
            throw DomainException.notFound("registration_not_found");
        }
        return act(event, request, () -> switch (action) {
            case "cancel" -> changes.cancel(id, staff.getName(), true);
            case "paid" -> {
                desk.markPaid(id, staff.getName());
                yield id;
            }
            case "resend" -> {
                desk.resendConfirmation(id, staff.getName());
                yield id;
            }
            case "category" -> {
                desk.changeCategory(id, String.valueOf(form.getOrDefault("category", "")), staff.getName());
                yield id;
            }
            default -> throw DomainException.notFound("page_not_found");
        });
    }

    @Post("/{eventId}/categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addCategory(@PathVariable long eventId, @Body CategoryForm form, Authentication staff,
                                HttpRequest<?> request) {
        return act(eventService.get(eventId), request, () -> desk.addCategory(eventId, form, staff.getName()));
    }

    @Post("/{eventId}/categories/{categoryId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteCategory(@PathVariable long eventId, @PathVariable long categoryId, Authentication staff,
                                   HttpRequest<?> request) {
        return act(eventService.get(eventId), request, () -> {
            desk.deleteCategory(categoryId, staff.getName());
            return categoryId;
        });
    }

    @Post("/{eventId}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addQuestion(@PathVariable long eventId, @Body QuestionForm form, Authentication staff,
                                HttpRequest<?> request) {
        return act(eventService.get(eventId), request, () -> desk.addQuestion(eventId, form, staff.getName()));
    }

    @Post("/{eventId}/questions/{questionId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deleteQuestion(@PathVariable long eventId, @PathVariable long questionId, Authentication staff,
                                   HttpRequest<?> request) {
        return act(eventService.get(eventId), request, () -> {
            desk.deleteQuestion(questionId, staff.getName());
            return questionId;
        });
    }

    @Get("/{eventId}/r/{id}")
    ModelAndView<Map<String, Object>> one(@PathVariable long eventId, @PathVariable long id, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", views.get(id));
        model.put("mails", outbox.findByRegistrationIdOrderById(id));
        model.put("categories", views.categoriesOf(eventId));
        model.put("categoryLabels", categoryLabels(eventId, locales.resolveOrDefault(request)));
        return new ModelAndView<>("staff/registration", model);
    }

    private HttpResponse<?> act(Event event, HttpRequest<?> request, Supplier<Object> action) {
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/staff/registrations/" + event.id()));
        } catch (DomainException refusal) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(page(event, new Filter(null, null, null, null, null), request, refusal));
        }
    }

    private ModelAndView<Map<String, Object>> page(Event event, Filter f, HttpRequest<?> request, DomainException refusal) {
        Locale locale = locales.resolveOrDefault(request);
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("filter", f);
        model.put("rows", queries.search(event.id(), f.q(), f.status(), f.category(), f.organisationId(), f.sessionId(), 1000));
        model.put("counts", queries.countsByCategory(event.id()));
        model.put("sessions", views.sessionsOf(event.id()));
        model.put("waiting", queries.waitingList(event.id()));
        model.put("categories", views.categoriesOf(event.id()));
        model.put("categoryLabels", categoryLabels(event.id(), locale));
        model.put("questions", views.questionsOf(event.id()));
        model.put("statuses", RegistrationStatus.values());
        model.put("rules", PriceRule.values());
        model.put("kinds", QuestionKind.values());
        model.put("participantTypes", ParticipantType.values());
        model.put("organisations", organisations.search("", 2000, 0));
        if (refusal != null) {
            model.putAll(refusals.model(locale, refusal.problems()));
        }
        return new ModelAndView<>("staff/registrations", model);
    }

    /** Price category codes to their label in the page's language: staff read labels, not codes. */
    private Map<String, String> categoryLabels(long eventId, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        views.categoriesOf(eventId).forEach(c -> labels.put(c.code(),
                Languages.english(locale) && c.labelEn() != null ? c.labelEn() : c.labelFr()));
        return labels;
    }

    private static RegistrationRequest deskRequest(Map<String, Object> form) {
        String org = value(form, "organisationId");
        String type = value(form, "participantType");
        return RegistrationRequest.builder()
                .name(value(form, "firstName"), value(form, "lastName")).functionTitle(value(form, "functionTitle"))
                .email(value(form, "email")).organisationId(org != null && org.matches("\\d+") ? Long.valueOf(org) : null)
                .organisationName(value(form, "organisationName"))
                .participantType(type == null ? null : ParticipantType.valueOf(type))
                .consent(form.get("consent") != null).waitingList(true).locale("fr").build();
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof Iterable<?> many) {
            v = many.iterator().hasNext() ? many.iterator().next() : null;
        }
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Filter(@Nullable String q, @Nullable String status, @Nullable String category, @Nullable Long organisationId,
                  @Nullable Long sessionId) {
    }
}
