package fr.cuf.rencontres.mail;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals, at start-up, the link secrets an outbox row still holds in clear: rows queued before sealing existed and
 * the staff mails moved from their old table (V184), which SQL cannot seal. After that no waiting secret is in clear.
 */
@Singleton
class UnsealedLinks {

    private static final Logger LOG = LoggerFactory.getLogger(UnsealedLinks.class);

    private final MailOutboxRepository outbox;
    private final OutboxSeal seal;

    UnsealedLinks(MailOutboxRepository outbox, OutboxSeal seal) {
        this.outbox = outbox;
        this.seal = seal;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.info("Sealed the link secrets of {} outbox mails", sealed);
        }
    }

    int sealAll() {
        int sealed = 0;
        for (OutboxMail mail : outbox.findUnsealed()) {
            sealed += outbox.seal(mail.id(), mail.linkSecret(), seal.seal(mail.linkSecret()));
        }
        return sealed;
    }
}
