package fr.cuf.rencontres.mail;

import fr.cuf.rencontres.config.AppSecrets;
import fr.cuf.rencontres.config.SealedText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Seals the personal secret an outbox row carries until its mail leaves ({@link SealedText}, label
 * {@code mail-outbox-link}): a copy of the database, a backup or a support query on {@code mail_outbox} opens no
 * personal page. A value that is not sealed is a row queued before sealing existed and is read as is.
 */
@Singleton
public class OutboxSeal {

    private final SealedText sealed;

    OutboxSeal(AppSecrets secrets) {
        this.sealed = new SealedText(secrets, "mail-outbox-link");
    }

    @Nullable
    public String seal(@Nullable String secret) {
        return secret == null ? null : sealed.seal(secret);
    }

    @Nullable
    public String open(@Nullable String stored) {
        return SealedText.isSealed(stored) ? sealed.open(stored) : stored;
    }
}
