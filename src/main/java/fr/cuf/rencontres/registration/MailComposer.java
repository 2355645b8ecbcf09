package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.calendar.AgendaFeed;
import java.nio.charset.StandardCharsets;

import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailWriter;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.mail.OutboxSeal;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a mail of the outbox from the registration as it is when the mail leaves: subject and plain-text
 * body in the registrant's language, the personal link when the row carries the (sealed) secret, and the agenda
 * as an .ics attachment for confirmations.
 */
@Singleton
class MailComposer implements MailWriter {

    private final RegistrationViews views;
    private final Messages messages;
    private final PersonalLinks links;
    private final AgendaFeed agenda;
    private final OutboxSeal seal;

    MailComposer(RegistrationViews views, Messages messages, PersonalLinks links, AgendaFeed agenda, OutboxSeal seal) {
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
        Locale locale = "en".equals(mail.locale()) ? Locale.ENGLISH : Locale.FRENCH;
        String key = "mail." + mail.kind().name().toLowerCase(Locale.ROOT);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(locale == Locale.ENGLISH ? "MMMM d, yyyy" : "d MMMM yyyy", locale);
        DateTimeFormatter at = DateTimeFormatter.ofPattern("HH:mm", locale);
        String title = v.event().title();
        String when = day.format(Times.paris(v.event().startsAt()));
        if (mail.kind() == MailKind.MEETING_MOVED || mail.kind() == MailKind.MEETING_CANCELLED) {
            when += ", " + at.format(Times.paris(v.event().startsAt())) + "–" + at.format(Times.paris(v.event().endsAt()));
        }
        StringBuilder body = new StringBuilder();
        body.append(messages.get(locale, "mail.greeting", v.person().firstName(), v.person().lastName())).append("\n\n");
        body.append(messages.get(locale, key + ".body", title, when, mail.note() == null ? "" : mail.note())).append("\n\n");
        body.append(messages.get(locale, "mail.status", messages.get(locale,
                "enum.RegistrationStatus." + v.registration().status().name()))).append('\n');
        if (v.quote().categoryCode() != null) {
            body.append(messages.get(locale, "mail.price", v.quote().priceCents() == 0
                    ? messages.get(locale, "registration.free") : v.quote().priceText(),
                    locale == Locale.ENGLISH ? v.quote().labelEn() : v.quote().labelFr())).append('\n');
        }
        if (v.registration().status() == RegistrationStatus.PENDING_PAYMENT) {
            body.append('\n').append(messages.get(locale, "payment.instructions", v.registration().id())).append('\n');
        }
        for (RegistrationView.ChoiceView c : v.choices()) {
            if (!c.held() && !c.waiting()) {
                continue;
            }
            String slot = c.session().startsAt() == null ? "" : day.format(Times.paris(c.session().startsAt())) + " "
                    + at.format(Times.paris(c.session().startsAt())) + " – ";
            body.append("  • ").append(slot).append(c.session().title());
            if (c.waiting()) {
                body.append(" (").append(messages.get(locale, "registration.choice.waiting")).append(')');
            }
            body.append('\n');
        }
        body.append('\n');
        if (mail.linkSecret() != null) {
            body.append(messages.get(locale, "mail.link", links.url(seal.open(mail.linkSecret())))).append("\n\n");
        } else {
            body.append(messages.get(locale, "mail.linkHint")).append("\n\n");
        }
        body.append(messages.get(locale, "mail.signature"));
        String ics = ATTACHES_AGENDA.contains(mail.kind())
                ? new String(agenda.ofRegistration(v.registration().id(), locale).body(), StandardCharsets.UTF_8) : null;
        return new Written(messages.get(locale, key + ".subject", title), body.toString(), ics);
    }
}
