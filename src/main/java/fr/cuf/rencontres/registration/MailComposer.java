package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.calendar.AgendaFeed;
import java.nio.charset.StandardCharsets;

import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailTemplates;
import fr.cuf.rencontres.mail.MailWriter;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.mail.OutboxSeal;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a mail of the outbox from the registration as it is when the mail leaves: subject and plain-text
 * body (template {@code views/mail/registration.hbs}) in the registrant's language, the personal link when the row carries the (sealed) secret, and the agenda
 * as an .ics attachment for confirmations.
 */
@Singleton
class MailComposer implements MailWriter {

    private final RegistrationViews views;
    private final Messages messages;
    private final PersonalLinks links;
    private final AgendaFeed agenda;
    private final OutboxSeal seal;
    private final MailTemplates templates;

    MailComposer(RegistrationViews views, Messages messages, PersonalLinks links, AgendaFeed agenda, OutboxSeal seal,
                 MailTemplates templates) {
        this.templates = templates;
        this.views = views;
        this.messages = messages;
        this.links = links;
        this.agenda = agenda;
        this.seal = seal;
    }

    /** The mails after which the person's agenda changed: they carry it, as the personal feed shows it. */
    private static final java.util.Set<MailKind> ATTACHES_AGENDA = java.util.EnumSet.of(MailKind.CONFIRMATION,
            MailKind.PROMOTED, MailKind.SESSION_PROMOTED, MailKind.SESSIONS_CHANGED,
            // a programme change carries the agenda as it now is, so that calendar apps follow
            MailKind.PROGRAMME_CHANGE);

    @Override
    public boolean writes(OutboxMail mail) {
        return mail.registrationId() != null;
    }

    @Override
    public Written write(OutboxMail mail) {
        RegistrationView v = views.view(mail.registrationId(), false);
        Locale locale = Languages.of(mail.locale());
        String key = "mail." + mail.kind().name().toLowerCase(Locale.ROOT);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(locale == Locale.ENGLISH ? "MMMM d, yyyy" : "d MMMM yyyy", locale);
        DateTimeFormatter at = DateTimeFormatter.ofPattern("HH:mm", locale);
        String title = v.event().title();
        String when = day.format(Times.paris(v.event().startsAt()));
        if (mail.kind() == MailKind.MEETING_MOVED || mail.kind() == MailKind.MEETING_CANCELLED) {
            when += ", " + at.format(Times.paris(v.event().startsAt())) + "–" + at.format(Times.paris(v.event().endsAt()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", v.person().firstName());
        model.put("lastName", v.person().lastName());
        model.put("bodyKey", key + ".body");
        model.put("title", title);
        model.put("when", when);
        model.put("note", mail.note() == null ? "" : mail.note());
        model.put("status", messages.get(locale, "enum.RegistrationStatus." + v.registration().status().name()));
        if (v.quote().categoryCode() != null) {
            model.put("price", v.quote().priceCents() == 0 ? messages.get(locale, "registration.free") : v.quote().priceText());
            model.put("category", Languages.english(locale) ? v.quote().labelEn() : v.quote().labelFr());
        }
        model.put("pendingPayment", v.registration().status() == RegistrationStatus.PENDING_PAYMENT);
        model.put("registrationId", v.registration().id());
        model.put("choices", v.choices().stream().filter(c -> c.held() || c.waiting()).map(c -> Map.of(
                "slot", c.session().startsAt() == null ? "" : day.format(Times.paris(c.session().startsAt())) + " "
                        + at.format(Times.paris(c.session().startsAt())) + " – ",
                "title", c.session().title(), "waiting", c.waiting())).toList());
        if (mail.linkSecret() != null) {
            model.put("link", links.url(seal.open(mail.linkSecret())));
        }
        String body = templates.render("registration", locale, model);
        String ics = ATTACHES_AGENDA.contains(mail.kind())
                ? new String(agenda.ofRegistration(v.registration().id(), locale).body(), StandardCharsets.UTF_8) : null;
        return new Written(messages.get(locale, key + ".subject", title), body, ics);
    }
}
