package fr.cuf.rencontres.registration;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Runs the sender on every instance when {@code rencontres.mail.enabled} is true. */
@Singleton
@Requires(property = "rencontres.mail.enabled", value = "true")
class MailScheduler {

    private final MailSender sender;
    private final Clock clock;

    MailScheduler(MailSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${rencontres.mail.poll-interval:10s}", initialDelay = "5s")
    void run() {
        sender.sendDue(clock.instant());
    }
}
