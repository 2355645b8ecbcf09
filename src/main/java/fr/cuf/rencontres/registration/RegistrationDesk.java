package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the registration desk does besides registering: change a category, mark a registration paid,
 * resend the confirmation with a fresh personal link, and edit an event's price categories and questions.
 */
@Singleton
public class RegistrationDesk {

    private final RegistrationRepository registrations;
    private final RegistrationDetailRepository store;
    private final PriceCategoryRepository categories;
    private final QuestionRepository questions;
    private final EventRepository events;
    private final CapacityGuard guard;
    private final PersonalLinks links;
    private final RegistrationMails mails;
    private final AuditLog audit;
    private final Clock clock;

    RegistrationDesk(RegistrationRepository registrations, RegistrationDetailRepository store, PriceCategoryRepository categories,
                     QuestionRepository questions, EventRepository events, CapacityGuard guard, PersonalLinks links,
                     RegistrationMails mails, AuditLog audit, Clock clock) {
        this.registrations = registrations;
        this.store = store;
        this.categories = categories;
        this.questions = questions;
        this.events = events;
        this.guard = guard;
        this.links = links;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** The new category's price applies; a free category confirms a registration waiting for payment. */
    @Transactional
    public void changeCategory(long registrationId, String code, String actor) {
        Registration r = get(registrationId);
        PriceCategory category = categories.findByEventIdAndCode(r.eventId(), code)
                .orElseThrow(() -> DomainException.invalid("category", "category_not_found"));
        guard.lock(events.findById(r.eventId()).orElseThrow(), List.of());
        r = get(registrationId);
        RegistrationStatus status = r.status() == RegistrationStatus.PENDING_PAYMENT
                ? RegistrationStatus.seated(category.priceCents()) : r.status();
        registrations.update(new Registration(r.id(), r.eventId(), r.personId(), r.organisationId(), r.participantType(),
                status, category.code(), category.priceCents(), r.badgeVersion(), r.createdAt(), clock.instant(), r.version()));
        store.setAttendanceDay(registrationId, category.dayPass() == 0 ? null : category.dayPass());
        audit.record(actor, "registration.category_changed", "registration", registrationId,
                r.priceCategory() + " -> " + code + " " + category.priceCents());
    }

    @Transactional
    public void markPaid(long registrationId, String actor) {
        Registration r = get(registrationId);
        if (r.status() != RegistrationStatus.PENDING_PAYMENT) {
            throw Refusals.conflict("not_pending_payment");
        }
        registrations.update(new Registration(r.id(), r.eventId(), r.personId(), r.organisationId(), r.participantType(),
                RegistrationStatus.CONFIRMED, r.priceCategory(), r.priceCents(), r.badgeVersion(), r.createdAt(),
                clock.instant(), r.version()));
        audit.record(actor, "registration.paid", "registration", registrationId, String.valueOf(r.priceCents()));
    }

    /** Sends the confirmation again with a new personal link (the old link stops working). */
    @Transactional
    public void resendConfirmation(long registrationId, String actor) {
        Registration r = get(registrationId);
        String secret = links.newSecret();
        store.setSecretHash(registrationId, PersonalLinks.hash(secret));
        mails.queue(r.status() == RegistrationStatus.WAITLISTED ? MailKind.WAITLISTED
                : r.status() == RegistrationStatus.CANCELLED ? MailKind.CANCELLED : MailKind.CONFIRMATION,
                registrationId, secret);
        audit.record(actor, "registration.mail_resent", "registration", registrationId, null);
    }

    @Transactional
    public PriceCategory addCategory(long eventId, CategoryForm form, String actor) {
        Event event = events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Integer cents = cents(form.priceEuros());
        Validator v = new Validator().required("code", form.code()).maxLength("code", form.code(), 60)
                .slug("code", form.code() == null ? null : form.code().strip())
                .required("labelFr", form.labelFr()).maxLength("labelFr", form.labelFr(), 200)
                .required("labelEn", form.labelEn()).maxLength("labelEn", form.labelEn(), 200)
                .required("appliesTo", form.appliesTo());
        if (cents == null) {
            v.add(Problem.field("priceEuros", "invalid_price"));
        }
        v.throwIfInvalid();
        String code = form.code().strip();
        if (categories.findByEventIdAndCode(eventId, code).isPresent()) {
            throw Refusals.conflictOn("code", "category_code_taken");
        }
        int dayPass = form.dayPass() == null ? 0 : form.dayPass();
        if (dayPass < 0 || dayPass > Days.count(event)) {
            throw DomainException.invalid("dayPass", "invalid_day", Days.count(event));
        }
        if (categories.findByEventIdAndAppliesToAndDayPass(eventId, form.appliesTo(), dayPass).isPresent()) {
            throw Refusals.conflictOn("appliesTo", "category_rule_taken");
        }
        Instant now = clock.instant();
        PriceCategory saved = categories.save(new PriceCategory(null, event.id(), code, form.labelFr().strip(),
                form.labelEn().strip(), form.appliesTo(), cents, form.position() == null ? 0 : form.position(), now, now, dayPass));
        audit.record(actor, "price_category.added", "event", eventId, code + " " + cents);
        return saved;
    }

    @Transactional
    public void deleteCategory(long categoryId, String actor) {
        PriceCategory c = categories.findById(categoryId).orElseThrow(() -> DomainException.notFound("category_not_found"));
        categories.delete(c);
        audit.record(actor, "price_category.deleted", "event", c.eventId(), c.code());
    }

    @Transactional
    public Question addQuestion(long eventId, QuestionForm form, String actor) {
        events.findById(eventId).orElseThrow(() -> DomainException.notFound("event_not_found"));
        Validator v = new Validator().required("labelFr", form.labelFr()).maxLength("labelFr", form.labelFr(), 300)
                .required("labelEn", form.labelEn()).maxLength("labelEn", form.labelEn(), 300)
                .required("kind", form.kind()).maxLength("options", form.options(), 2000);
        Question draft = new Question(null, eventId, form.position() == null ? 0 : form.position(), form.kind(),
                form.labelFr() == null ? "" : form.labelFr().strip(), form.labelEn() == null ? "" : form.labelEn().strip(),
                form.options(), Boolean.TRUE.equals(form.required()), clock.instant());
        if (form.kind() == QuestionKind.SINGLE_CHOICE || form.kind() == QuestionKind.MULTIPLE_CHOICE) {
            if (draft.optionList().size() < 2) {
                v.add(Problem.field("options", "options_required"));
            }
        }
        v.throwIfInvalid();
        Question saved = questions.save(draft);
        audit.record(actor, "question.added", "event", eventId, saved.labelFr());
        return saved;
    }

    @Transactional
    public void deleteQuestion(long questionId, String actor) {
        Question q = questions.findById(questionId).orElseThrow(() -> DomainException.notFound("question_not_found"));
        questions.delete(q);
        audit.record(actor, "question.deleted", "event", q.eventId(), q.labelFr());
    }

    private Registration get(long id) {
        return registrations.findById(id).orElseThrow(() -> DomainException.notFound("registration_not_found"));
    }

    static Integer cents(String euros) {
        if (euros == null || euros.isBlank()) {
            return 0;
        }
        try {
            BigDecimal value = new BigDecimal(euros.strip().replace(',', '.').replace("€", "").strip());
            if (value.signum() < 0 || value.scale() > 2) {
                return null;
            }
            return value.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
