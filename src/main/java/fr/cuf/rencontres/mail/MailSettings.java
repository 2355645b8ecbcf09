package fr.cuf.rencontres.mail;

import fr.cuf.rencontres.config.MinDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Settings under {@code rencontres.mail.*}. The SMTP server itself is configured with
 * {@code javamail.properties.*} (see application.yml and src/site/markdown/operators.md).
 */
@Context
@ConfigurationProperties("rencontres.mail")
public interface MailSettings {

    /** Send the outbox: off by default so that a development copy never mails anyone; mails wait. */
    @Bindable(defaultValue = "false")
    boolean isEnabled();

    /** How often the sender looks for due mails. */
    @Bindable(defaultValue = "10s")
    @MinDuration(millis = 100, message = "rencontres.mail.poll-interval (RENCONTRES_MAIL_POLL_INTERVAL) must be 100ms or longer")
    Duration getPollInterval();

    /** Mails sent per round (per instance). */
    @Bindable(defaultValue = "50")
    @Min(value = 1, message = "rencontres.mail.batch-size (RENCONTRES_MAIL_BATCH_SIZE) must be 1 or more")
    int getBatchSize();

    /**
     * How long a claimed mail stays reserved to the sender that claimed it; after that another sender may send
     * it (same Message-ID). Longer than one SMTP exchange can last (its timeouts are 5 + 10 + 10 s).
     */
    @Bindable(defaultValue = "5m")
    @MinDuration(millis = 30_000, message = "rencontres.mail.lease (RENCONTRES_MAIL_LEASE) must be 30s or longer: one SMTP exchange may last 25 s")
    Duration getLease();

    /** After this many failed attempts a mail is marked FAILED and shown to staff. */
    @Bindable(defaultValue = "12")
    @Min(value = 1, message = "rencontres.mail.max-attempts (RENCONTRES_MAIL_MAX_ATTEMPTS) must be 1 or more")
    int getMaxAttempts();
}
