package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.PublicUrl;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.MailWriter;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.mail.OutboxSeal;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Mails to staff accounts (an invitation or a reset with its one-time link, a lock-out notice), through the mail
 * outbox every other mail takes (mail.MailSender): queued in the transaction of the change, claimed with a lease,
 * sent with no transaction open, marked sent in its own short one, with a Message-ID derived from the row; the
 * link's secret waits sealed ({@link OutboxSeal}) and is put into the text only when the mail leaves. Staff have
 * no language setting: each mail is in French, then English.
 */
@Singleton
public class StaffMails implements MailWriter {

    public enum Kind {
        INVITATION(MailKind.STAFF_INVITATION), PASSWORD_RESET(MailKind.STAFF_PASSWORD_RESET), LOCKED(MailKind.STAFF_LOCKED);

        private final MailKind mail;

        Kind(MailKind mail) {
            this.mail = mail;
        }
    }

    private final MailOutboxRepository outbox;
    // taken when first used: the sign-in beans (SignIn.Recorder needs this one) are built while Micronaut Security
    // evaluates its bean conditions, too early for the seal's key, which AppSecrets reads from the database
    private final BeanProvider<OutboxSeal> seal;
    private final Messages messages;
    private final PublicUrl publicUrl;
    private final Clock clock;

    StaffMails(MailOutboxRepository outbox, BeanProvider<OutboxSeal> seal, Messages messages, PublicUrl publicUrl,
               Clock clock) {
        this.outbox = outbox;
        this.seal = seal;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Queues a mail to the account's address; nothing when it has none (the admin then passes the link on). */
    public void queue(StaffAccount account, Kind kind, @Nullable String linkSecret) {
        if (account.email() == null || account.email().isBlank()) {
            return;
        }
        outbox.save(OutboxMail.toAccount(account.id(), kind.mail, account.email(), seal.get().seal(linkSecret),
                clock.instant()));
    }

    public List<OutboxMail> of(long accountId) {
        return outbox.findByAccountIdOrderById(accountId);
    }

    @Override
    public boolean writes(OutboxMail mail) {
        return mail.accountId() != null;
    }

    @Override
    public Written write(OutboxMail mail) {
        String name = mail.kind().name().substring("STAFF_".length()).toLowerCase(Locale.ROOT);
        String subject = "accounts.mail." + name + ".subject";
        String body = "accounts.mail." + name + ".body";
        String secret = seal.get().open(mail.linkSecret());
        String link = secret == null ? "" : publicUrl.base() + "/account/password/" + secret;
        String hours = String.valueOf(PasswordLinks.VALID_FOR.toHours());
        return new Written(messages.get(Locale.FRENCH, subject) + " / " + messages.get(Locale.ENGLISH, subject),
                messages.get(Locale.FRENCH, body, link, hours) + "\n\n-- \n\n" + messages.get(Locale.ENGLISH, body, link, hours),
                null);
    }
}
