package fr.cuf.rencontres.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings under {@code rencontres.mail.*}. The SMTP server itself is configured with
 * {@code javamail.properties.*} (see application.yml and src/site/markdown/operators.md).
 */
@ConfigurationProperties("rencontres.mail")
public interface MailSettings {

    /** Send the outbox: off by default so that a development copy never mails anyone; mails wait. */
    @Bindable(defaultValue = "false")
    boolean isEnabled();

    /** How often the sender looks for due mails. */
    @Bindable(defaultValue = "10s")
    Duration getPollInterval();

    /** Mails sent per round (per instance). */
    @Bindable(defaultValue = "50")
    int getBatchSize();

    /**
     * How long a claimed mail stays reserved to the sender that claimed it; after that another sender may send
     * it (same Message-ID). Longer than one SMTP exchange can last (its timeouts are 5 + 10 + 10 s).
     */
    @Bindable(defaultValue = "5m")
    Duration getLease();

    /** After this many failed attempts a mail is marked FAILED and shown to staff. */
    @Bindable(defaultValue = "12")
    int getMaxAttempts();
}
