package fr.cuf.rencontres.registration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings under {@code rencontres.mail.*}. The SMTP server itself is configured with
 * {@code javamail.properties.*} (see application.yml and the README).
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

    /** After this many failed attempts a mail is marked FAILED and shown to staff. */
    @Bindable(defaultValue = "12")
    int getMaxAttempts();
}
