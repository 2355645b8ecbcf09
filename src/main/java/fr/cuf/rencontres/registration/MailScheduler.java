package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.mail.MailSender;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Runs the sender on every instance when {@code rencontres.mail.enabled} is true. */
@Singleton
@Requires(property = "rencontres.mail.enabled", value = "true")
class MailScheduler {

    private final MailSender sender;
    private final ProgrammeChangeMails programmeChanges;
    private final Clock clock;

    MailScheduler(MailSender sender, ProgrammeChangeMails programmeChanges, Clock clock) {
        this.sender = sender;
        this.programmeChanges = programmeChanges;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${rencontres.mail.poll-interval:10s}", initialDelay = "5s")
    void run() {
        programmeChanges.queuePending();
        sender.sendDue(clock.instant());
    }
}
